package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * An Azure private DNS zone: its name (the last segment of its id), its A and CNAME records, and
 * its links to virtual networks.
 *
 * <p>A zone answers only in the networks it is linked to; inside such a network it is
 * authoritative for every name in its namespace that no more specific linked zone holds: a name
 * without a record is NXDOMAIN there, unless the link says {@link
 * ResolutionPolicy#NX_DOMAIN_REDIRECT}. Two zones may share a name (in different resource groups
 * or subscriptions); they then have different ids.
 *
 * <pre>{@code
 * ResourceId zoneId = ResourceId.of(subscription, "dns", PrivateDnsZone.RESOURCE_TYPE,
 *     "privatelink.postgres.database.azure.com");
 * PrivateDnsZone zone = PrivateDnsZone.builder()
 *     .id(zoneId)
 *     .addRecords(DnsRecord.a(RecordName.parse("orders-db"), Ipv4Address.parse("10.0.1.50")))
 *     .addVirtualNetworkLinks(VirtualNetworkLink.builder()
 *         .id(zoneId.child("virtualNetworkLinks", "hub"))
 *         .virtualNetwork(hubId)
 *         .build())
 *     .build();
 * }</pre>
 *
 * <p>Checked when built (what one zone knows about itself): the id's type and name, that every
 * record's absolute name fits in 253 characters, that a CNAME is alone at its name, that no A
 * record is listed twice, that link names are unique and every link belongs to this zone. Two
 * links to one network, overlapping links across zones and the rules for a server's zone are
 * validation findings ({@link DnsValidation}).
 */
@Value.Immutable
public abstract class PrivateDnsZone {
  /** The ARM type of a private DNS zone id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/privateDnsZones";

  PrivateDnsZone() {}

  /**
   * Returns the zone's id; its last segment is the zone name.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the zone name.
   *
   * @return the last segment of the id, as a zone name
   */
  @Value.Lazy
  public ZoneName name() {
    return ZoneName.parse(id().name());
  }

  /**
   * Returns the records, in the order given (order never changes an answer).
   *
   * @return the A and CNAME records
   */
  public abstract ImmutableList<DnsRecord> records();

  /**
   * Returns the links to virtual networks, in the order given (order never changes an answer).
   *
   * @return the links
   */
  public abstract ImmutableList<VirtualNetworkLink> virtualNetworkLinks();

  /**
   * Returns the links of this zone to a virtual network (one, unless the zone is linked twice,
   * which validation reports).
   *
   * @param virtualNetwork the network's id
   * @return the links, in id order
   */
  public final ImmutableList<VirtualNetworkLink> linksTo(ResourceId virtualNetwork) {
    return virtualNetworkLinks().stream()
        .filter(l -> l.virtualNetwork().equals(virtualNetwork))
        .sorted((a, b) -> a.id().compareTo(b.id()))
        .collect(ImmutableList.toImmutableList());
  }

  /**
   * Returns the records at a name.
   *
   * @param name a relative name
   * @return the records there, in the order given
   */
  public final ImmutableList<DnsRecord> recordsAt(RecordName name) {
    return records().stream().filter(r -> r.name().equals(name)).collect(ImmutableList.toImmutableList());
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "PrivateDnsZone.id");
    try {
      ZoneName.parse(id().name());
    } catch (PgreachException e) {
      throw PgreachException.of(ErrorCode.INVALID_DNS_NAME, "PrivateDnsZone.id (%s) must end in a zone name: %s", id(), e.getMessage());
    }
    ZoneName zone = name();
    String self = "PrivateDnsZone[" + zone + "]";
    Map<RecordName, String> kinds = new HashMap<>();
    Set<String> seen = new HashSet<>();
    for (DnsRecord r : records()) {
      if (r.name().toString().length() + 1 + zone.toString().length() > DnsName.MAX_LENGTH && !r.name().isApex()) {
        throw PgreachException.of(
            ErrorCode.INVALID_DNS_NAME,
            "%s.records (%s) has an absolute name longer than %d characters",
            self,
            r,
            DnsName.MAX_LENGTH);
      }
      String kind = r instanceof DnsRecord.Cname ? "CNAME" : "A";
      String previous = kinds.putIfAbsent(r.name(), kind);
      if (previous != null && (kind.equals("CNAME") || previous.equals("CNAME"))) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_DNS_ENTRY,
            "%s.records (%s) clashes with another %s record at %s: a CNAME must be alone at its name",
            self,
            r,
            previous,
            r.name());
      }
      String key = r instanceof DnsRecord.A ? r.name() + " A " + ((DnsRecord.A) r).address() : r.toString();
      if (!seen.add(key)) {
        throw PgreachException.of(ErrorCode.DUPLICATE_DNS_ENTRY, "%s.records (%s) is listed twice", self, r);
      }
    }
    Set<String> linkNames = new HashSet<>();
    for (VirtualNetworkLink l : virtualNetworkLinks()) {
      if (!l.privateDnsZone().equals(id())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "%s.virtualNetworkLinks (%s) belongs to another zone; a link's id is a child of its zone's id",
            self,
            l.id());
      }
      if (!linkNames.add(l.name().toLowerCase(Locale.ROOT))) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_DNS_ENTRY, "%s.virtualNetworkLinks (%s) is a second link named %s", self, l.id(), l.name());
      }
    }
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link PrivateDnsZone}s. */
  public static final class Builder extends ImmutablePrivateDnsZone.Builder {
    Builder() {}
  }
}
