package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.immutables.value.Value;

/**
 * A route table of user-defined routes, associated with subnets through {@link
 * Subnet#routeTable()}. For each destination, the longest matching prefix among the user routes
 * and the system routes wins; on equal length a user route wins.
 */
@Value.Immutable
public abstract class RouteTable {
  /** The ARM type of a route table id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/routeTables";

  RouteTable() {}

  /**
   * Returns the route table's id.
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
   * Returns the routes.
   *
   * @return the routes in the order given
   */
  public abstract ImmutableList<Route> routes();

  /**
   * Returns the routes whose destination is a service tag; they do not take part in route
   * selection (see {@link ServiceTagRoute}).
   *
   * @return the service-tag routes in the order given
   */
  public abstract ImmutableList<ServiceTagRoute> serviceTagRoutes();

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "RouteTable.id");
    Set<String> names = new HashSet<>();
    Set<Ipv4Prefix> prefixes = new HashSet<>();
    for (Route r : routes()) {
      if (!names.add(r.name().toLowerCase(Locale.ROOT))) {
        throw PgreachException.of(ErrorCode.INVALID_ROUTE, "RouteTable[%s].routes holds two routes named %s", name(), r.name());
      }
      if (!prefixes.add(r.addressPrefix())) {
        throw PgreachException.of(
            ErrorCode.INVALID_ROUTE, "RouteTable[%s].routes holds two routes for %s", name(), r.addressPrefix());
      }
    }
    for (ServiceTagRoute r : serviceTagRoutes()) {
      if (!names.add(r.name().toLowerCase(Locale.ROOT))) {
        throw PgreachException.of(ErrorCode.INVALID_ROUTE, "RouteTable[%s].routes holds two routes named %s", name(), r.name());
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

  /** Builds {@link RouteTable}s. */
  public static final class Builder extends ImmutableRouteTable.Builder {
    Builder() {}
  }
}
