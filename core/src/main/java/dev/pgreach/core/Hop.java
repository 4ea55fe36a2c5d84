package dev.pgreach.core;

import java.util.Optional;

/**
 * One host a routed packet passes: the source, each network virtual appliance that forwards it,
 * and the destination. Network security groups apply at each hop's subnet and network interface.
 *
 * @param place the network the hop is in
 * @param address the hop's address (the client's, the appliance's, or the destination's)
 * @param subnet the hop's subnet, when it is in a virtual network and the subnet is known
 * @param networkInterface the hop's network interface, when modelled
 * @param route the route that chose the next hop from here; empty at the destination
 */
public record Hop(
    Place place,
    Ipv4Address address,
    Optional<ResourceId> subnet,
    Optional<ResourceId> networkInterface,
    Optional<EffectiveRoute> route) {
  /** {@return the network the hop is in} */
  public Place place() {
    return place;
  }

  /** {@return the hop's address (the client's, the appliance's, or the destination's)} */
  public Ipv4Address address() {
    return address;
  }

  /** {@return the hop's subnet, when it is in a virtual network and the subnet is known} */
  public Optional<ResourceId> subnet() {
    return subnet;
  }

  /** {@return the hop's network interface, when modelled} */
  public Optional<ResourceId> networkInterface() {
    return networkInterface;
  }

  /** {@return the route that chose the next hop from here; empty at the destination} */
  public Optional<EffectiveRoute> route() {
    return route;
  }


  /**
   * Checks the components.
   *
   * @param place the network the hop is in
   * @param address the hop's address (the client's, the appliance's, or the destination's)
   * @param subnet the hop's subnet, when it is in a virtual network and the subnet is known
   * @param networkInterface the hop's network interface, when modelled
   * @param route the route that chose the next hop from here; empty at the destination
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
   */
  public Hop {
    Checks.notNull(place, "Hop.place");
    Checks.notNull(address, "Hop.address");
    Checks.notNull(subnet, "Hop.subnet");
    Checks.notNull(networkInterface, "Hop.networkInterface");
    Checks.notNull(route, "Hop.route");
  }
}
