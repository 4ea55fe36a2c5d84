package dev.pgreach.dns;

import dev.pgreach.core.ResourceId;
import dev.pgreach.core.VirtualNetwork;
import org.immutables.value.Value;

/**
 * A link between a private DNS zone and a virtual network: Azure-provided DNS in that network
 * answers from the zone. Without a link, a zone is invisible to every network, peered or not.
 *
 * <p>A registration link ({@code registrationEnabled}) also lets Azure register the network's
 * virtual machines in the zone; those automatic records are not synthesized, so list them as
 * records if they matter. A registration link resolves like any other link.
 *
 * <pre>{@code
 * VirtualNetworkLink link = VirtualNetworkLink.builder()
 *     .id(zoneId.child("virtualNetworkLinks", "hub-link"))
 *     .virtualNetwork(hubId)
 *     .build();
 * }</pre>
 */
@Value.Immutable
public abstract class VirtualNetworkLink {
  /** The ARM type of a virtual network link id, a child of its zone's id. */
  public static final String RESOURCE_TYPE = "Microsoft.Network/privateDnsZones/virtualNetworkLinks";

  VirtualNetworkLink() {}

  /**
   * Returns the link's id, a child of its zone's id.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the link name, unique within its zone.
   *
   * @return the last segment of the id
   */
  public final String name() {
    return id().name();
  }

  /**
   * Returns the id of the zone holding this link.
   *
   * @return the parent of {@link #id()}
   */
  public final ResourceId privateDnsZone() {
    return id().parent().orElseThrow();
  }

  /**
   * Returns the linked virtual network.
   *
   * @return the network's id (it may be outside the model, for example in another tenant)
   */
  public abstract ResourceId virtualNetwork();

  /**
   * Returns whether this is a registration (autoregistration) link; a network may have one.
   *
   * @return {@code registrationEnabled}; false by default
   */
  @Value.Default
  public boolean registrationEnabled() {
    return false;
  }

  /**
   * Returns what happens to names the zone has no record for.
   *
   * @return the policy; {@link ResolutionPolicy#DEFAULT} by default
   */
  @Value.Default
  public ResolutionPolicy resolutionPolicy() {
    return ResolutionPolicy.DEFAULT;
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "VirtualNetworkLink.id");
    virtualNetwork().requireType(VirtualNetwork.RESOURCE_TYPE, "VirtualNetworkLink[" + name() + "].virtualNetwork");
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link VirtualNetworkLink}s. */
  public static final class Builder extends ImmutableVirtualNetworkLink.Builder {
    Builder() {}
  }
}
