package dev.pgreach.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * One user-defined route of a {@link RouteTable}: traffic to {@link #addressPrefix()} goes to
 * {@link #nextHopType()} (and, for a virtual appliance, to {@link #nextHopIpAddress()}).
 */
@Value.Immutable
public abstract class Route {
  Route() {}

  /**
   * Returns the route name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the destination prefix.
   *
   * @return the prefix
   */
  public abstract Ipv4Prefix addressPrefix();

  /**
   * Returns the next hop type; {@link NextHopType#VNET_PEERING} is not allowed in user routes.
   *
   * @return the next hop type
   */
  public abstract NextHopType nextHopType();

  /**
   * Returns the appliance address, for {@link NextHopType#VIRTUAL_APPLIANCE} only.
   *
   * @return the next-hop address, or empty
   */
  public abstract Optional<Ipv4Address> nextHopIpAddress();

  @Value.Check
  final void check() {
    if (name().isBlank()) {
      throw PgreachException.of(ErrorCode.INVALID_ROUTE, "Route.name (\"%s\") must not be blank", name());
    }
    if (nextHopType() == NextHopType.VNET_PEERING) {
      throw PgreachException.of(
          ErrorCode.INVALID_ROUTE, "Route[%s].nextHopType (VNetPeering) is a system route type; user routes cannot use it", name());
    }
    boolean appliance = nextHopType() == NextHopType.VIRTUAL_APPLIANCE;
    if (appliance != nextHopIpAddress().isPresent()) {
      throw PgreachException.of(
          ErrorCode.INVALID_ROUTE,
          "Route[%s].nextHopIpAddress (%s) must be set exactly when nextHopType is VirtualAppliance (%s)",
          name(),
          nextHopIpAddress().map(Object::toString).orElse("none"),
          nextHopType());
    }
  }

  /**
   * Returns a route to a next hop other than an appliance.
   *
   * @param name the route name
   * @param prefix the destination prefix
   * @param nextHopType the next hop type
   * @return the route
   */
  public static Route of(String name, Ipv4Prefix prefix, NextHopType nextHopType) {
    return builder().name(name).addressPrefix(prefix).nextHopType(nextHopType).build();
  }

  /**
   * Returns a route to a network virtual appliance.
   *
   * @param name the route name
   * @param prefix the destination prefix
   * @param appliance the appliance's private address
   * @return the route
   */
  public static Route toAppliance(String name, Ipv4Prefix prefix, Ipv4Address appliance) {
    return builder()
        .name(name)
        .addressPrefix(prefix)
        .nextHopType(NextHopType.VIRTUAL_APPLIANCE)
        .nextHopIpAddress(appliance)
        .build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Route}s. */
  public static final class Builder extends ImmutableRoute.Builder {
    Builder() {}
  }
}
