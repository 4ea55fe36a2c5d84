package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ResourceId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The records one zone answers with, by relative name, in a canonical order: the zone's own
 * records plus the A record Azure keeps for each VNet-integrated server that uses the zone (unless
 * the zone already lists a record at the server's name).
 */
final class ZoneTable {
  private final ImmutableMap<RecordName, ImmutableList<DnsRecord>> records;
  private final ImmutableMap<RecordName, ResourceId> writtenFor;

  private ZoneTable(ImmutableMap<RecordName, ImmutableList<DnsRecord>> records, ImmutableMap<RecordName, ResourceId> writtenFor) {
    this.records = records;
    this.writtenFor = writtenFor;
  }

  /** The records at a name: one CNAME, or A records in address order; empty when there are none. */
  ImmutableList<DnsRecord> at(RecordName name) {
    return records.getOrDefault(name, ImmutableList.of());
  }

  /** The server whose implicit A record is at this name, if the answer there is that record. */
  Optional<ResourceId> writtenFor(RecordName name) {
    return Optional.ofNullable(writtenFor.get(name));
  }

  static final class Builder {
    private final Map<RecordName, List<DnsRecord>> records = new HashMap<>();
    private final Map<RecordName, ResourceId> writtenFor = new HashMap<>();

    void add(DnsRecord r) {
      records.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r);
    }

    /** Adds a server's A record unless the zone lists a record at that name or one was added for another server. */
    void addServerRecord(RecordName name, Ipv4Address address, ResourceId server) {
      if (!records.containsKey(name)) {
        records.put(name, new ArrayList<>(List.of(DnsRecord.a(name, address))));
        writtenFor.put(name, server);
      }
    }

    ZoneTable build() {
      ImmutableMap.Builder<RecordName, ImmutableList<DnsRecord>> out = ImmutableMap.builder();
      records.forEach(
          (name, list) -> {
            List<DnsRecord> sorted = new ArrayList<>(list);
            sorted.sort(Comparator.comparing(ZoneTable::sortKey));
            out.put(name, ImmutableList.copyOf(sorted));
          });
      return new ZoneTable(out.build(), ImmutableMap.copyOf(writtenFor));
    }
  }

  private static String sortKey(DnsRecord r) {
    if (r instanceof DnsRecord.A) {
      return String.format(java.util.Locale.ROOT, "A %010d %s", ((DnsRecord.A) r).address().toLong(), r.ttl());
    }
    return "CNAME " + r;
  }
}
