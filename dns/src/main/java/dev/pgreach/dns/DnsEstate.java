package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Network;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.Subnet;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.immutables.value.Value;

/**
 * Everything DNS needs to answer: the network (virtual networks with their DNS server settings,
 * on-premises networks, flexible servers), the private DNS zones with their records and links,
 * the DNS servers hosts can be pointed at, and two facts about servers that other parts of the
 * estate decide.
 *
 * <ul>
 *   <li>{@link #privateEndpointServers()}: the public-access servers that have a private endpoint.
 *       Azure's public DNS then points the server's name at {@code
 *       <name>.privatelink.postgres.database.azure.com} instead of {@code
 *       <name>.rs-<id>.postgres.database.azure.com}. The A records a private endpoint's DNS zone
 *       group writes are ordinary records of a {@code privatelink.postgres.database.azure.com}
 *       zone in {@link #privateDnsZones()}.
 *   <li>{@link #publicEndpointLabels()}: the {@code rs-<id>} label of a server's public name. Azure
 *       makes it semi-random; give the real one when you know it, otherwise {@link
 *       #PLACEHOLDER_PUBLIC_ENDPOINT_LABEL} stands in for it, so answers stay deterministic.
 * </ul>
 *
 * <pre>{@code
 * DnsEstate estate = DnsEstate.builder()
 *     .network(network)
 *     .addPrivateDnsZones(privatelinkZone, ordersZone)
 *     .addDnsServers(inboundEndpoint)
 *     .addPrivateEndpointServers(crm.id())
 *     .build();
 * }</pre>
 *
 * <p>Checked when built: zone and DNS server ids are unique; each DNS server's location is in the
 * network, inside its subnet or on-premises prefixes; no two DNS servers share an address in one
 * place; servers named in {@link #privateEndpointServers()} and {@link #publicEndpointLabels()}
 * are in the network and labels are single labels. A virtual network linked to two zones with the
 * same name (which Azure refuses) is allowed here: {@link DnsValidation} reports it, and names in
 * them resolve to an undecided answer, since which link exists is not known. Links to nested zones
 * (one name below the other) are reported by {@link DnsValidation} too; the most specific zone
 * answers.
 */
@Value.Immutable
public abstract class DnsEstate {
  /**
   * The stand-in for the semi-random {@code rs-<id>} label of a public-access server's public
   * name when the real label is not given: {@code label-not-known}, a valid DNS label that says
   * what it is, so that no answer shows it as if it were the server's real label (Azure's labels
   * are {@code rs-} and thirty hexadecimal digits).
   */
  public static final String PLACEHOLDER_PUBLIC_ENDPOINT_LABEL = "label-not-known";

  DnsEstate() {}

  /**
   * Returns the network.
   *
   * @return the network
   */
  public abstract Network network();

  /**
   * Returns the private DNS zones.
   *
   * @return the zones, in the order given (order never changes an answer)
   */
  public abstract ImmutableList<PrivateDnsZone> privateDnsZones();

  /**
   * Returns the DNS servers (custom servers and Private Resolver inbound endpoints).
   *
   * @return the servers, in the order given (order never changes an answer)
   */
  public abstract ImmutableList<DnsServer> dnsServers();

  /**
   * Returns the ids of the public-access servers that have at least one private endpoint.
   *
   * @return the server ids
   */
  public abstract ImmutableSet<ResourceId> privateEndpointServers();

  /**
   * Returns the names of record sets that resources in the input write — private endpoints' DNS
   * zone groups — while the record sets themselves are not in it, by zone id. In a zone whose
   * record sets the input does not hold in full, such a name may hold more records than the ones
   * written, so its answer is undecided.
   *
   * @return record names by zone
   */
  public abstract ImmutableSetMultimap<ResourceId, RecordName> unobservedRecordSets();

  /**
   * Returns the known {@code rs-<id>} labels of servers' public names.
   *
   * @return one single-label name per server
   */
  public abstract ImmutableMap<ServerName, DnsName> publicEndpointLabels();

  /**
   * Returns the label of a server's public name: the known one, or {@link
   * #PLACEHOLDER_PUBLIC_ENDPOINT_LABEL}.
   *
   * @param server the server name
   * @return the label
   */
  public final String publicEndpointLabel(ServerName server) {
    DnsName label = publicEndpointLabels().get(server);
    return label == null ? PLACEHOLDER_PUBLIC_ENDPOINT_LABEL : label.toString();
  }

  /**
   * Tells whether a server has a private endpoint.
   *
   * @param server the server's id
   * @return whether it is in {@link #privateEndpointServers()}
   */
  public final boolean hasPrivateEndpoint(ResourceId server) {
    return privateEndpointServers().contains(server);
  }

  @Value.Check
  final void check() {
    Set<ResourceId> zoneIds = new HashSet<>();
    for (PrivateDnsZone z : privateDnsZones()) {
      if (!zoneIds.add(z.id())) {
        throw PgreachException.of(ErrorCode.DUPLICATE_RESOURCE, "DnsEstate.privateDnsZones holds two zones with id %s", z.id());
      }
    }
    Set<ResourceId> serverIds = new HashSet<>();
    Set<String> places = new HashSet<>();
    for (DnsServer s : dnsServers()) {
      if (!serverIds.add(s.id())) {
        throw PgreachException.of(ErrorCode.DUPLICATE_RESOURCE, "DnsEstate.dnsServers holds two servers with id %s", s.id());
      }
      String place = checkLocation(s);
      if (!places.add(place + "@" + s.address())) {
        throw PgreachException.of(
            ErrorCode.DUPLICATE_RESOURCE, "DnsEstate.dnsServers holds two servers at %s in %s", s.address(), place);
      }
    }
    for (ResourceId id : privateEndpointServers()) {
      if (network().flexibleServer(id).isEmpty()) {
        throw PgreachException.of(
            ErrorCode.DANGLING_REFERENCE, "DnsEstate.privateEndpointServers (%s) is not a server in the network", id);
      }
    }
    for (Map.Entry<ServerName, DnsName> e : publicEndpointLabels().entrySet()) {
      if (network().flexibleServer(e.getKey()).isEmpty()) {
        throw PgreachException.of(
            ErrorCode.DANGLING_REFERENCE, "DnsEstate.publicEndpointLabels[%s] names a server that is not in the network", e.getKey());
      }
      if (e.getValue().labelCount() != 1) {
        throw PgreachException.of(
            ErrorCode.INVALID_DNS_NAME,
            "DnsEstate.publicEndpointLabels[%s] (%s) must be one label, such as rs-0123456789abcdef0123456789abcd",
            e.getKey(),
            e.getValue());
      }
    }
  }

  /** Checks a DNS server's location against the network; returns a key naming its place. */
  private String checkLocation(DnsServer s) {
    String field = "DnsServer[" + s.name() + "].location";
    if (s.location() instanceof ClientLocation.InVirtualNetwork) {
      ClientLocation.InVirtualNetwork at = (ClientLocation.InVirtualNetwork) s.location();
      Subnet subnet =
          network()
              .subnet(at.subnet())
              .orElseThrow(
                  () -> PgreachException.of(ErrorCode.DANGLING_REFERENCE, "%s (%s) names a subnet that is not in the network", field, at.subnet()));
      if (!subnet.addressPrefix().contains(at.address())) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE, "%s (%s) is outside subnet %s (%s)", field, at.address(), subnet.name(), subnet.addressPrefix());
      }
      at.networkInterface()
          .filter(n -> network().networkInterface(n).isEmpty())
          .ifPresent(
              n -> {
                throw PgreachException.of(
                    ErrorCode.DANGLING_REFERENCE, "%s (%s) names a network interface that is not in the network", field, n);
              });
      return "virtual network " + subnet.virtualNetwork();
    }
    ClientLocation.OnPremises at = (ClientLocation.OnPremises) s.location();
    OnPremisesNetwork onPremises =
        network()
            .onPremisesNetwork(at.network())
            .orElseThrow(
                () ->
                    PgreachException.of(
                        ErrorCode.DANGLING_REFERENCE, "%s (%s) names an on-premises network that is not in the network", field, at.network()));
    if (!onPremises.addresses().contains(at.address())) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE, "%s (%s) is outside the prefixes of %s", field, at.address(), onPremises.name());
    }
    return "on-premises network " + onPremises.id();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link DnsEstate}s. */
  public static final class Builder extends ImmutableDnsEstate.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws PgreachException {@link ErrorCode#DUPLICATE_RESOURCE} naming the key when one key
     *     was put twice into a map (publicEndpointLabels), and the value's own checks
     */
    @Override
    public DnsEstate build() {
      try {
        return super.build();
      } catch (IllegalArgumentException e) {
        throw PgreachException.duplicateKey("DnsEstate.Builder", "publicEndpointLabels", e);
      }
    }
  }
}
