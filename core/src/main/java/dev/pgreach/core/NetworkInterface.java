package dev.pgreach.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A network interface of a virtual machine or appliance: its subnet, private address, optional
 * network security group, optional public address, and whether it forwards traffic addressed to
 * others ({@code enableIPForwarding}, needed by network virtual appliances).
 */
@Value.Immutable
public abstract class NetworkInterface {
  /** The ARM type of a network interface id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/networkInterfaces";

  NetworkInterface() {}

  /**
   * Returns the interface's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the name.
   *
   * @return the name
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the subnet of the interface's primary IP configuration.
   *
   * @return the subnet id
   */
  public abstract ResourceId subnet();

  /**
   * Returns the interface's private address.
   *
   * @return the address
   */
  public abstract Ipv4Address privateAddress();

  /**
   * Returns the public address attached to the interface, which is also its outbound address.
   *
   * @return the public address, or empty
   */
  public abstract Optional<Ipv4Address> publicAddress();

  /**
   * Returns the network security group associated with the interface.
   *
   * @return the NSG id, or empty
   */
  public abstract Optional<ResourceId> networkSecurityGroup();

  /**
   * Returns whether the interface forwards traffic not addressed to it.
   *
   * @return {@code enableIPForwarding}; false by default
   */
  @Value.Default
  public boolean enableIpForwarding() {
    return false;
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "NetworkInterface.id");
    subnet().requireType(Subnet.RESOURCE_TYPE, "NetworkInterface[" + name() + "].subnet");
    networkSecurityGroup()
        .ifPresent(n -> n.requireType("Microsoft.Network/networkSecurityGroups", "NetworkInterface[" + name() + "].networkSecurityGroup"));
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link NetworkInterface}s. */
  public static final class Builder extends ImmutableNetworkInterface.Builder {
    Builder() {}
  }
}
