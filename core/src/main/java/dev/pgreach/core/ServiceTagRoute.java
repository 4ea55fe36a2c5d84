package dev.pgreach.core;

import java.util.Optional;
import org.immutables.value.Value;

/**
 * A user-defined route whose destination is a service tag ({@code "addressPrefix":
 * "AzureActiveDirectory"} in ARM) rather than a prefix.
 *
 * <p>A service tag stands for address ranges Microsoft publishes and changes; pgreach does not know
 * them, so these routes do not take part in route selection. They matter to validation: Azure
 * documents that a flexible server subnet whose default route goes to an appliance needs a route
 * {@code AzureActiveDirectory → Internet} for Microsoft Entra ID traffic.
 */
@Value.Immutable
public abstract class ServiceTagRoute {
  ServiceTagRoute() {}

  /**
   * Returns the route name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns the service tag, such as {@code AzureActiveDirectory}.
   *
   * @return the tag
   */
  public abstract String serviceTag();

  /**
   * Returns the next hop type.
   *
   * @return the next hop type
   */
  public abstract NextHopType nextHopType();

  /**
   * Returns the appliance address, for {@link NextHopType#VIRTUAL_APPLIANCE} only.
   *
   * @return the address, or empty
   */
  public abstract Optional<Ipv4Address> nextHopIpAddress();

  @Value.Check
  final void check() {
    if (name().isBlank() || serviceTag().isBlank()) {
      throw PgreachException.of(
          ErrorCode.INVALID_ROUTE, "ServiceTagRoute[%s].serviceTag (\"%s\") and name must not be blank", name(), serviceTag());
    }
    if (nextHopType() == NextHopType.VNET_PEERING || nextHopType() == NextHopType.VNET_LOCAL) {
      throw PgreachException.of(
          ErrorCode.INVALID_ROUTE, "ServiceTagRoute[%s].nextHopType (%s) is not allowed for a service tag", name(), nextHopType());
    }
    if ((nextHopType() == NextHopType.VIRTUAL_APPLIANCE) != nextHopIpAddress().isPresent()) {
      throw PgreachException.of(
          ErrorCode.INVALID_ROUTE,
          "ServiceTagRoute[%s].nextHopIpAddress (%s) must be set exactly when nextHopType is VirtualAppliance (%s)",
          name(),
          nextHopIpAddress().map(Object::toString).orElse("none"),
          nextHopType());
    }
  }

  /**
   * Returns a route from a service tag to a next hop other than an appliance.
   *
   * @param name the route name
   * @param serviceTag the tag
   * @param nextHopType the next hop type
   * @return the route
   */
  public static ServiceTagRoute of(String name, String serviceTag, NextHopType nextHopType) {
    return builder().name(name).serviceTag(serviceTag).nextHopType(nextHopType).build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link ServiceTagRoute}s. */
  public static final class Builder extends ImmutableServiceTagRoute.Builder {
    Builder() {}
  }
}
