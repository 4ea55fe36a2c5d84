package dev.pgreach.core;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * A subnet of a {@link VirtualNetwork}: a prefix inside the network's address space, an optional
 * delegation to one Azure service, and optional references to a network security group and a
 * route table.
 *
 * <p>Azure reserves five addresses in every subnet: the network address, the next three (default
 * gateway and Azure DNS mapping) and the broadcast address. {@link #reservedAddresses()} returns
 * them. A flexible server with private access needs a subnet delegated to {@value
 * #FLEXIBLE_SERVER_DELEGATION} that is at least /28.
 *
 * <pre>{@code
 * Subnet db = Subnet.builder()
 *     .id(vnetId.child("subnets", "db"))
 *     .addressPrefix(Ipv4Prefix.parse("10.0.1.0/28"))
 *     .delegation(Subnet.FLEXIBLE_SERVER_DELEGATION)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class Subnet {
  /** The ARM type of a subnet id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/virtualNetworks/subnets";

  /** The delegation a subnet needs to hold flexible servers. */
  public static final String FLEXIBLE_SERVER_DELEGATION = "Microsoft.DBforPostgreSQL/flexibleServers";

  /** Subnet names Azure reserves for its own services, which a flexible server must not use. */
  public static final ImmutableSet<String> RESERVED_NAMES =
      ImmutableSet.of(
          "GatewaySubnet", "AzureFirewallSubnet", "AzureFirewallManagementSubnet", "AzureBastionSubnet");

  /** The number of addresses Azure reserves in every subnet. */
  public static final int RESERVED_ADDRESS_COUNT = 5;

  Subnet() {}

  /**
   * Returns the subnet's resource id, a child of its virtual network's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the subnet name, the last segment of its id.
   *
   * @return the name
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the id of the virtual network holding this subnet.
   *
   * @return the parent id
   */
  public final ResourceId virtualNetwork() {
    return id().parent().orElseThrow();
  }

  /**
   * Returns the subnet's address prefix ({@code addressPrefix}).
   *
   * @return the prefix
   */
  public abstract Ipv4Prefix addressPrefix();

  /**
   * Returns the service the subnet is delegated to, such as {@value #FLEXIBLE_SERVER_DELEGATION}.
   *
   * @return the delegation's service name, or empty when the subnet is not delegated
   */
  public abstract Optional<String> delegation();

  /**
   * Returns the network security group associated with the subnet.
   *
   * @return the NSG id, or empty
   */
  public abstract Optional<ResourceId> networkSecurityGroup();

  /**
   * Returns the route table associated with the subnet.
   *
   * @return the route table id, or empty
   */
  public abstract Optional<ResourceId> routeTable();

  /**
   * Returns whether the NSG and route table apply to private endpoints in this subnet.
   *
   * @return the policy; {@link PrivateEndpointNetworkPolicies#DISABLED} by default, as in Azure
   */
  @Value.Default
  public PrivateEndpointNetworkPolicies privateEndpointNetworkPolicies() {
    return PrivateEndpointNetworkPolicies.DISABLED;
  }

  /**
   * Tells whether the subnet is delegated to flexible servers.
   *
   * @return whether {@link #delegation()} is {@value #FLEXIBLE_SERVER_DELEGATION}, ignoring case
   */
  public final boolean isDelegatedToFlexibleServers() {
    return delegation().map(FLEXIBLE_SERVER_DELEGATION::equalsIgnoreCase).orElse(false);
  }

  /**
   * Returns the five addresses Azure reserves in this subnet (fewer for /31 and /32 prefixes,
   * which Azure does not create).
   *
   * @return the reserved addresses
   */
  @Value.Lazy
  public AddressSet reservedAddresses() {
    AddressSet.Builder b = AddressSet.builder();
    long first = addressPrefix().first().toLong();
    long last = addressPrefix().last().toLong();
    for (long a = first; a <= Math.min(first + 3, last); a++) {
      b.add(Ipv4Address.ofLong(a));
    }
    b.add(addressPrefix().last());
    return b.build();
  }

  /**
   * Returns how many addresses remain for resources once Azure's reserved ones are taken.
   *
   * @return the usable address count, never negative
   */
  public final long usableAddressCount() {
    return Math.max(0, addressPrefix().size() - RESERVED_ADDRESS_COUNT);
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "Subnet.id");
    delegation()
        .filter(d -> d.isBlank())
        .ifPresent(
            d -> {
              throw PgreachException.of(
                  ErrorCode.INVALID_VALUE, "Subnet[%s].delegation (\"%s\") must not be blank", name(), d);
            });
    networkSecurityGroup().ifPresent(n -> n.requireType("Microsoft.Network/networkSecurityGroups", "Subnet[" + name() + "].networkSecurityGroup"));
    routeTable().ifPresent(r -> r.requireType(RouteTable.RESOURCE_TYPE, "Subnet[" + name() + "].routeTable"));
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Subnet}s. */
  public static final class Builder extends ImmutableSubnet.Builder {
    Builder() {}
  }
}
