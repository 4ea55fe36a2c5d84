package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The records one zone answers with, by relative name, in a canonical order: the zone's own
 * records plus the A record Azure keeps for each VNet-integrated server that uses the zone.
 *
 * <p>At a server's name, a listed CNAME wins; listed A records count only when their address is
 * inside the server's delegated subnet (the others cannot be the server's address and are set
 * aside); when none is left, the server's own {@code privateAddress} answers, and when that is
 * unknown too the name is marked as the server's, with its address unknown.
 */
final class ZoneTable {
  private final ImmutableMap<RecordName, ImmutableList<DnsRecord>> records;
  private final ImmutableMap<RecordName, ResourceId> writtenFor;
  private final ImmutableMap<RecordName, ResourceId> addressUnknown;
  private final ImmutableMap<RecordName, ImmutableList<DnsRecord>> setAside;

  private ZoneTable(
      ImmutableMap<RecordName, ImmutableList<DnsRecord>> records,
      ImmutableMap<RecordName, ResourceId> writtenFor,
      ImmutableMap<RecordName, ResourceId> addressUnknown,
      ImmutableMap<RecordName, ImmutableList<DnsRecord>> setAside) {
    this.records = records;
    this.writtenFor = writtenFor;
    this.addressUnknown = addressUnknown;
    this.setAside = setAside;
  }

  /** The records at a name: one CNAME, or A records in address order; empty when there are none. */
  ImmutableList<DnsRecord> at(RecordName name) {
    return records.getOrDefault(name, ImmutableList.of());
  }

  /** The server whose implicit A record is at this name, if the answer there is that record. */
  Optional<ResourceId> writtenFor(RecordName name) {
    return Optional.ofNullable(writtenFor.get(name));
  }

  /** The VNet-integrated server whose A record is at this name but whose address is unknown. */
  Optional<ResourceId> addressUnknown(RecordName name) {
    return Optional.ofNullable(addressUnknown.get(name));
  }

  /** The listed A records at a server's name that are outside its delegated subnet, in address order. */
  ImmutableList<DnsRecord> setAside(RecordName name) {
    return setAside.getOrDefault(name, ImmutableList.of());
  }

  static final class Builder {
    private final Map<RecordName, List<DnsRecord>> records = new HashMap<>();
    private final Map<RecordName, ResourceId> writtenFor = new HashMap<>();
    private final Map<RecordName, ResourceId> addressUnknown = new HashMap<>();
    private final Map<RecordName, List<DnsRecord>> setAside = new HashMap<>();
    private final Set<RecordName> claimed = new HashSet<>();

    void add(DnsRecord r) {
      records.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
    }

    /**
     * Adds the A record Azure keeps for a VNet-integrated server, unless one was added for another
     * server at that name: listed A records inside the delegated subnet stay, those outside are set
     * aside; with none left, the server's address answers, or the name is marked unknown.
     */
    void addServerRecord(RecordName name, Optional<Ipv4Address> address, ResourceId server, Ipv4Prefix delegatedSubnet) {
      if (!claimed.add(name)) {
        return;
      }
      List<DnsRecord> listed = records.getOrDefault(name, List.of());
      if (listed.stream().anyMatch(r -> r instanceof DnsRecord.Cname)) {
        return;
      }
      List<DnsRecord> inside = new ArrayList<>();
      List<DnsRecord> outside = new ArrayList<>();
      for (DnsRecord r : listed) {
        (delegatedSubnet.contains(((DnsRecord.A) r).address()) ? inside : outside).add(r);
      }
      if (!outside.isEmpty()) {
        setAside.put(name, outside);
      }
      if (!inside.isEmpty()) {
        records.put(name, inside);
      } else if (address.isPresent()) {
        records.put(name, new ArrayList<>(List.of(DnsRecord.a(name, address.get()))));
        writtenFor.put(name, server);
      } else {
        records.remove(name);
        addressUnknown.put(name, server);
      }
    }

    ZoneTable build() {
      return new ZoneTable(sorted(records), ImmutableMap.copyOf(writtenFor), ImmutableMap.copyOf(addressUnknown), sorted(setAside));
    }

    private static ImmutableMap<RecordName, ImmutableList<DnsRecord>> sorted(Map<RecordName, List<DnsRecord>> byName) {
      ImmutableMap.Builder<RecordName, ImmutableList<DnsRecord>> out = ImmutableMap.builder();
      byName.forEach(
          (name, list) -> {
            List<DnsRecord> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(ZoneTable::sortKey));
            out.put(name, ImmutableList.copyOf(sorted));
          });
      return out.build();
    }
  }

  private static String sortKey(DnsRecord r) {
    if (r instanceof DnsRecord.A) {
      return String.format(Locale.ROOT, "A %010d %s", ((DnsRecord.A) r).address().toLong(), r.ttl());
    }
    return "CNAME " + r;
  }
}
