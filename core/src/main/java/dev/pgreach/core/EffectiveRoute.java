package dev.pgreach.core;

import java.util.Optional;

/**
 * One route in a subnet's effective route table, as Azure's "effective routes" view lists it.
 *
 * @param addressPrefix the destination prefix
 * @param nextHopType where matching traffic goes
 * @param nextHopIpAddress the appliance address, for {@link NextHopType#VIRTUAL_APPLIANCE}
 * @param source where the route comes from
 * @param via the resource behind the route: the route table, the peered network, the gateway
 * @param name a short name for reports (the user route's name, or the system route's kind)
 */
public record EffectiveRoute(
    Ipv4Prefix addressPrefix,
    NextHopType nextHopType,
    Optional<Ipv4Address> nextHopIpAddress,
    RouteSource source,
    Optional<ResourceId> via,
    String name) {
  /** {@return the destination prefix} */
  public Ipv4Prefix addressPrefix() {
    return addressPrefix;
  }

  /** {@return where matching traffic goes} */
  public NextHopType nextHopType() {
    return nextHopType;
  }

  /** {@return the appliance address, for {@link NextHopType#VIRTUAL_APPLIANCE}} */
  public Optional<Ipv4Address> nextHopIpAddress() {
    return nextHopIpAddress;
  }

  /** {@return where the route comes from} */
  public RouteSource source() {
    return source;
  }

  /** {@return the resource behind the route: the route table, the peered network, the gateway} */
  public Optional<ResourceId> via() {
    return via;
  }

  /** {@return a short name for reports (the user route's name, or the system route's kind)} */
  public String name() {
    return name;
  }


  /**
   * Checks the components.
   *
   * @param addressPrefix the destination prefix
   * @param nextHopType where matching traffic goes
   * @param nextHopIpAddress the appliance address, for {@link NextHopType#VIRTUAL_APPLIANCE}
   * @param source where the route comes from
   * @param via the resource behind the route: the route table, the peered network, the gateway
   * @param name a short name for reports (the user route's name, or the system route's kind)
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
   */
  public EffectiveRoute {
    Checks.notNull(addressPrefix, "EffectiveRoute.addressPrefix");
    Checks.notNull(nextHopType, "EffectiveRoute.nextHopType");
    Checks.notNull(nextHopIpAddress, "EffectiveRoute.nextHopIpAddress");
    Checks.notNull(source, "EffectiveRoute.source");
    Checks.notNull(via, "EffectiveRoute.via");
    Checks.notNull(name, "EffectiveRoute.name");
  }

  /** Returns {@code prefix -> nextHop (source name)}. */
  @Override
  public String toString() {
    return addressPrefix
        + " -> "
        + nextHopType
        + nextHopIpAddress.map(a -> " " + a).orElse("")
        + " ("
        + source
        + " "
        + name
        + ")";
  }
}
