package dev.pgreach.core;

import com.google.common.collect.ImmutableSet;
import java.time.Duration;
import org.immutables.value.Value;

/**
 * What Azure allows and does, as one value: the rules changed between the 2021 documents pgreach
 * was founded on and today's documentation, and pgreach models both as data rather than branching
 * on dates.
 *
 * <ul>
 *   <li>{@link #preview2021()}: exactly the seed documents. Peering across regions is unsupported
 *       for VNet-integrated servers; only TLS 1.2, and only encrypted connections; private
 *       endpoints (in preview) only on single-instance servers without HA, replicas, point-in-time
 *       restore or public access with firewall rules alongside; a dropped server that had private
 *       endpoints cannot be recreated under its name; one private DNS zone per server.
 *   <li>{@link #current()} (the default): global peering works; {@code publicNetworkAccess} can be
 *       switched and coexists with private endpoints; {@code require_secure_transport} may be off;
 *       TLS 1.3 is supported; private endpoints work with HA, replicas and other regions; any valid
 *       private DNS zone; NxDomainRedirect on privatelink zone links.
 * </ul>
 *
 * <p>Under both, a VNet-integrated server can have neither a public endpoint nor private
 * endpoints, firewall changes take up to five minutes, and the networking mode never changes
 * after creation. A custom profile can be built from scratch with {@link #builder()}.
 */
@Value.Immutable
public abstract class ServiceProfile {
  /** The longest firewall propagation delay a profile may declare. */
  public static final Duration MAX_PROPAGATION_DELAY = Duration.ofDays(1);

  private static final ServiceProfile PREVIEW_2021 =
      builder()
          .name("preview2021")
          .globalPeeringToVnetIntegratedServers(false)
          .publicNetworkAccessConfigurable(false)
          .requireSecureTransportConfigurable(false)
          .addSupportedTlsVersions(TlsVersion.TLS_1_2)
          .privateEndpointsRequireSingleInstance(true)
          .privateEndpointsForbidReplicas(true)
          .privateEndpointsForbidPointInTimeRestore(true)
          .privateEndpointsForbidPublicAccess(true)
          .privateEndpointsBlockNameReuse(true)
          .privateEndpointsAcrossRegions(false)
          .privateDnsZonePerServer(true)
          .nxDomainRedirectSupported(false)
          .storageOutboundRequired(false)
          .build();

  private static final ServiceProfile CURRENT =
      builder()
          .name("current")
          .globalPeeringToVnetIntegratedServers(true)
          .publicNetworkAccessConfigurable(true)
          .requireSecureTransportConfigurable(true)
          .addSupportedTlsVersions(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)
          .privateEndpointsRequireSingleInstance(false)
          .privateEndpointsForbidReplicas(false)
          .privateEndpointsForbidPointInTimeRestore(false)
          .privateEndpointsForbidPublicAccess(false)
          .privateEndpointsBlockNameReuse(false)
          .privateEndpointsAcrossRegions(true)
          .privateDnsZonePerServer(false)
          .nxDomainRedirectSupported(true)
          .storageOutboundRequired(true)
          .vnetToPrivateEndpointMigration(true)
          .publicNetworkAccessConflictsWithVnetIntegration(true)
          .build();

  ServiceProfile() {}

  /**
   * Returns the profile of the 2021 seed documents (Flexible Server preview networking and the
   * Private Link private preview).
   *
   * @return the {@code preview2021} profile
   */
  public static ServiceProfile preview2021() {
    return PREVIEW_2021;
  }

  /**
   * Returns the profile of today's documentation; the default everywhere a profile is optional.
   *
   * @return the {@code current} profile
   */
  public static ServiceProfile current() {
    return CURRENT;
  }

  /**
   * Returns a named profile.
   *
   * @param name {@code preview2021} or {@code current}, ignoring case
   * @return the profile
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for any other name
   */
  public static ServiceProfile named(String name) {
    if (PREVIEW_2021.name().equalsIgnoreCase(name)) {
      return PREVIEW_2021;
    }
    if (CURRENT.name().equalsIgnoreCase(name)) {
      return CURRENT;
    }
    throw PgreachException.of(
        ErrorCode.INVALID_VALUE, "ServiceProfile.name (\"%s\") must be preview2021 or current", name);
  }

  /**
   * Returns the profile's name.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns whether clients across a global (cross-region) peering can reach a VNet-integrated
   * server. The 2020–2021 documents said peering across regions is not supported.
   *
   * @return whether global peering works for VNet-integrated servers
   */
  public abstract boolean globalPeeringToVnetIntegratedServers();

  /**
   * Returns whether a public-access server's {@code publicNetworkAccess} can be set to Disabled.
   *
   * @return whether the toggle exists
   */
  public abstract boolean publicNetworkAccessConfigurable();

  /**
   * Returns whether {@code require_secure_transport} may be turned off to accept unencrypted
   * connections (possible since September 2021).
   *
   * @return whether unencrypted sessions can be allowed
   */
  public abstract boolean requireSecureTransportConfigurable();

  /**
   * Returns the TLS versions the service accepts at all (TLS 1.0 and 1.1 are always denied).
   *
   * @return the supported versions
   */
  public abstract ImmutableSet<TlsVersion> supportedTlsVersions();

  /**
   * Returns whether private endpoints need a single-instance server without high availability.
   *
   * @return the preview limit
   */
  public abstract boolean privateEndpointsRequireSingleInstance();

  /**
   * Returns whether private endpoints exclude read replicas and geo read replicas.
   *
   * @return the preview limit
   */
  public abstract boolean privateEndpointsForbidReplicas();

  /**
   * Returns whether a server with private endpoints cannot be restored to a point in time.
   *
   * @return the preview limit
   */
  public abstract boolean privateEndpointsForbidPointInTimeRestore();

  /**
   * Returns whether a server with private endpoints cannot also allow public access with firewall
   * rules.
   *
   * @return the preview limit
   */
  public abstract boolean privateEndpointsForbidPublicAccess();

  /**
   * Returns whether a dropped server that had private endpoints blocks recreating a server with
   * the same name.
   *
   * @return the preview limit
   */
  public abstract boolean privateEndpointsBlockNameReuse();

  /**
   * Returns whether a private endpoint may be in another region than its server.
   *
   * @return whether cross-region private endpoints work
   */
  public abstract boolean privateEndpointsAcrossRegions();

  /**
   * Returns whether a VNet-integrated server's private DNS zone is one per server, named after it.
   *
   * @return the 2021 zone convention
   */
  public abstract boolean privateDnsZonePerServer();

  /**
   * Returns whether private DNS zone links support {@code resolutionPolicy: NxDomainRedirect}
   * (API version 2024-06-01).
   *
   * @return whether fallback to internet resolution exists
   */
  public abstract boolean nxDomainRedirectSupported();

  /**
   * Returns whether a VNet-integrated server needs outbound Storage (TCP 443) for WAL archiving.
   *
   * @return whether NSGs must allow it
   */
  public abstract boolean storageOutboundRequired();

  /**
   * Returns whether a VNet-integrated server can be migrated to the private-endpoint-capable public
   * access networking mode ({@code az postgres flexible-server migrate-network}, the REST
   * operation {@code migrateNetwork}; a preview documented today). The reverse, and any other
   * change of networking mode, stays impossible after creation.
   *
   * @return whether that one direction of migration exists; {@code false} unless built otherwise
   */
  @Value.Default
  public boolean vnetToPrivateEndpointMigration() {
    return false;
  }

  /**
   * Returns whether Azure rejects a VNet-integrated server with {@code publicNetworkAccess} Enabled
   * (HTTP 400 {@code ConflictingPublicNetworkAccessAndVirtualNetworkConfiguration}) rather than
   * ignoring the setting.
   *
   * @return whether the combination is refused; false unless built otherwise, true for {@code
   *     current}
   */
  @Value.Default
  public boolean publicNetworkAccessConflictsWithVnetIntegration() {
    return false;
  }

  /**
   * Returns how long a firewall change may take to take effect.
   *
   * @return five minutes, unless built otherwise
   */
  @Value.Default
  public Duration firewallPropagationDelay() {
    return Duration.ofMinutes(5);
  }

  /**
   * Tells whether the service accepts a TLS version.
   *
   * @param version the version
   * @return whether it is supported
   */
  public final boolean supportsTls(TlsVersion version) {
    return supportedTlsVersions().contains(version);
  }

  @Value.Check
  final void check() {
    if (firewallPropagationDelay().isNegative() || firewallPropagationDelay().compareTo(MAX_PROPAGATION_DELAY) > 0) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE,
          "ServiceProfile[%s].firewallPropagationDelay (%s) must be between zero and %s",
          name(),
          firewallPropagationDelay(),
          MAX_PROPAGATION_DELAY);
    }
  }

  /**
   * Returns a builder for a custom profile.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Returns the profile's name. */
  @Override
  public String toString() {
    return name();
  }

  /** Builds {@link ServiceProfile}s. */
  public static final class Builder extends ImmutableServiceProfile.Builder {
    Builder() {}
  }
}
