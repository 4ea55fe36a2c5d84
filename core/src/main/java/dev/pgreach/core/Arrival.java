package dev.pgreach.core;

import java.util.Optional;

/**
 * Where a routed packet ends up and how its source looks there.
 *
 * @param place the destination's network
 * @param destination the destination address
 * @param subnet the destination's subnet, when it is in a virtual network and inside a subnet
 * @param sourceAddress the source address the destination sees: the client's private address on
 *     private paths, its outbound public address on the internet; empty when not known
 * @param sourceAzureAllocated whether that source address is allocated by Azure (true for traffic
 *     leaving a virtual network or an Azure-hosted service for the internet), which the 0.0.0.0
 *     firewall rule admits
 */
public record Arrival(
    Place place,
    Ipv4Address destination,
    Optional<ResourceId> subnet,
    Optional<Ipv4Address> sourceAddress,
    boolean sourceAzureAllocated) {
  /** {@return the destination's network} */
  public Place place() {
    return place;
  }

  /** {@return the destination address} */
  public Ipv4Address destination() {
    return destination;
  }

  /** {@return the destination's subnet, when it is in a virtual network and inside a subnet} */
  public Optional<ResourceId> subnet() {
    return subnet;
  }

  /**
   * {@return the source address the destination sees: the client's private address on private paths, its outbound public address on the internet; empty when not known}
   */
  public Optional<Ipv4Address> sourceAddress() {
    return sourceAddress;
  }

  /**
   * {@return whether that source address is allocated by Azure (true for traffic leaving a virtual network or an Azure-hosted service for the internet), which the 0.0.0.0 firewall rule admits}
   */
  public boolean sourceAzureAllocated() {
    return sourceAzureAllocated;
  }


  /**
   * Checks the components.
   *
   * @param place the destination's network
   * @param destination the destination address
   * @param subnet the destination's subnet, when it is in a virtual network and inside a subnet
   * @param sourceAddress the source address the destination sees: the client's private address on private paths, its outbound public address on the internet; empty when not known
   * @param sourceAzureAllocated whether that source address is allocated by Azure (true for traffic leaving a virtual network or an Azure-hosted service for the internet), which the 0.0.0.0 firewall rule admits
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
   */
  public Arrival {
    Checks.notNull(place, "Arrival.place");
    Checks.notNull(destination, "Arrival.destination");
    Checks.notNull(subnet, "Arrival.subnet");
    Checks.notNull(sourceAddress, "Arrival.sourceAddress");
  }
}
