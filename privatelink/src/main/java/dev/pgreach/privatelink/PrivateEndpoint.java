package dev.pgreach.privatelink;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A private endpoint for a flexible server: a network interface with a private address in a
 * subnet of the consumer's virtual network, mapped to exactly one server.
 *
 * <p>What Azure documents, and this type models: the target sub-resource (group id) is {@value
 * #GROUP_ID}; only an {@link PrivateEndpointConnectionState#APPROVED Approved} connection carries
 * traffic; the endpoint reaches its own server and nothing else (data-leakage protection); it lives
 * in its virtual network's region while the server may be elsewhere; endpoints of one server may sit
 * in networks with overlapping address spaces, in other subscriptions and tenants. Its DNS zone
 * group writes an A record for the server into each {@code privatelink.postgres.database.azure.com}
 * zone it names (at most five zones, one group per endpoint).
 *
 * <pre>{@code
 * PrivateEndpoint pe = PrivateEndpoint.builder()
 *     .id(ResourceId.of(sub, "app", PrivateEndpoint.RESOURCE_TYPE, "orders-pe"))
 *     .region(Region.parse("westeurope"))
 *     .subnet(endpointSubnet.id())
 *     .privateAddress(Ipv4Address.parse("10.2.3.4"))
 *     .targetServer(orders.id())
 *     .addPrivateDnsZones(privatelinkZoneId)
 *     .build();                    // Approved by default
 * }</pre>
 *
 * <p>Whether the address is inside the subnet and free, and whether the server allows endpoints,
 * is validation ({@link EstateValidation}), not a check on this value.
 */
@Value.Immutable
public abstract class PrivateEndpoint {
  /** The ARM type of a private endpoint id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/privateEndpoints";

  /** The only target sub-resource of a flexible server. */
  public static final String GROUP_ID = "postgresqlServer";

  /** The most zones one DNS zone group may name. */
  public static final int MAX_DNS_ZONES = 5;

  PrivateEndpoint() {}

  /**
   * Returns the endpoint's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the endpoint's name.
   *
   * @return the last segment of the id
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the endpoint's region, which must be its virtual network's region (Azure refuses an
   * endpoint elsewhere).
   *
   * @return the region; empty when the input does not show it (a template whose location is known
   *     only at deployment, an export without {@code location}): nothing that depends on the
   *     region is then decided from it
   */
  public abstract Optional<Region> region();

  /**
   * Returns the subnet holding the endpoint's network interface.
   *
   * @return the subnet id
   */
  public abstract ResourceId subnet();

  /**
   * Returns the endpoint's private address.
   *
   * @return the address
   */
  public abstract Ipv4Address privateAddress();

  /**
   * Returns the server the endpoint connects to.
   *
   * @return the flexible server's id
   */
  public abstract ResourceId targetServer();

  /**
   * Returns the target sub-resource.
   *
   * @return the group id; {@value #GROUP_ID} by default and the only value accepted
   */
  @Value.Default
  public String groupId() {
    return GROUP_ID;
  }

  /**
   * Returns the state of the endpoint's connection to the server.
   *
   * @return the state; Approved by default (auto-approval, as when the requester may approve)
   */
  @Value.Default
  public PrivateEndpointConnectionState connectionState() {
    return PrivateEndpointConnectionState.APPROVED;
  }

  /**
   * Returns the Microsoft Entra tenant that requested the endpoint, when it is not the server's.
   *
   * @return the requesting tenant, or empty
   */
  public abstract Optional<String> requestingTenant();

  /**
   * Returns the private DNS zones the endpoint's DNS zone group writes its A record into.
   *
   * @return the zone ids; empty when the endpoint has no DNS zone group
   */
  public abstract ImmutableList<ResourceId> privateDnsZones();

  /**
   * Tells whether the endpoint carries traffic.
   *
   * @return whether the connection is Approved
   */
  public final boolean carriesTraffic() {
    return connectionState() == PrivateEndpointConnectionState.APPROVED;
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "PrivateEndpoint.id");
    String field = "PrivateEndpoint[" + name() + "]";
    subnet().requireType(Subnet.RESOURCE_TYPE, field + ".subnet");
    targetServer().requireType(FlexibleServer.RESOURCE_TYPE, field + ".targetServer");
    if (!GROUP_ID.equalsIgnoreCase(groupId())) {
      throw PgreachException.of(
          ErrorCode.INVALID_PRIVATE_ENDPOINT,
          "%s.groupId (%s) must be %s, the only sub-resource of a flexible server",
          field,
          groupId(),
          GROUP_ID);
    }
    if (privateDnsZones().size() > MAX_DNS_ZONES) {
      throw PgreachException.of(
          ErrorCode.INVALID_PRIVATE_ENDPOINT,
          "%s.privateDnsZones (%d zones) must name at most %d zones",
          field,
          privateDnsZones().size(),
          MAX_DNS_ZONES);
    }
    for (ResourceId zone : privateDnsZones()) {
      zone.requireType("Microsoft.Network/privateDnsZones", field + ".privateDnsZones");
    }
    if (privateDnsZones().stream().distinct().count() != privateDnsZones().size()) {
      throw PgreachException.of(
          ErrorCode.INVALID_PRIVATE_ENDPOINT, "%s.privateDnsZones (%s) names a zone twice", field, privateDnsZones());
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

  /** Builds {@link PrivateEndpoint}s. */
  public static final class Builder extends ImmutablePrivateEndpoint.Builder {
    Builder() {}
  }
}
