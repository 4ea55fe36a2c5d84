package dev.pgreach.core;

import com.google.common.collect.ImmutableSet;
import java.util.Optional;
import org.immutables.value.Value;

/**
 * An Azure Database for PostgreSQL flexible server, with every setting that decides who can reach
 * it and how.
 *
 * <p>The {@link #networkingMode()} follows from {@link #delegatedSubnet()}: a server with a
 * delegated subnet has private access (VNet integration) and no public endpoint; a server without
 * one has public access, guarded by firewall rules and {@link #publicNetworkAccess()}, and may have
 * private endpoints.
 *
 * <pre>{@code
 * FlexibleServer orders = FlexibleServer.builder()
 *     .id(ResourceId.of(subscription, "data", FlexibleServer.RESOURCE_TYPE, "orders-db"))
 *     .region(Region.parse("westeurope"))
 *     .delegatedSubnet(dbSubnet.id())
 *     .privateDnsZone(zoneId)
 *     .privateAddress(Ipv4Address.parse("10.1.1.4"))
 *     .build();
 * }</pre>
 *
 * <p>Whether the delegated subnet exists, is delegated and has room is validation ({@link
 * NetworkValidation}), not a check on this value.
 */
@Value.Immutable
public abstract class FlexibleServer {
  /** The ARM type of a flexible server id. */
  public static final String RESOURCE_TYPE = "Microsoft.DBforPostgreSQL/flexibleServers";

  /** The PostgreSQL port. */
  public static final int POSTGRES_PORT = 5432;

  /** The built-in PgBouncer port. */
  public static final int PGBOUNCER_PORT = 6432;

  FlexibleServer() {}

  /**
   * Returns the server's id; its last segment must be a valid {@link ServerName}.
   *
   * @return the id
   */
  public abstract ResourceId id();

  /**
   * Returns the server name.
   *
   * @return the name, the first label of the host name
   */
  @Value.Lazy
  public ServerName name() {
    return ServerName.parse(id().name());
  }

  /**
   * Returns the host name clients should use, {@code <name>.postgres.database.azure.com}.
   *
   * @return the fully qualified domain name
   */
  public final String fullyQualifiedDomainName() {
    return name().fullyQualifiedDomainName();
  }

  /**
   * Returns the region.
   *
   * @return the region
   */
  public abstract Region region();

  /**
   * Returns the PostgreSQL major version.
   *
   * @return the version, such as {@code 16}; {@code 16} by default
   */
  @Value.Default
  public String version() {
    return "16";
  }

  /**
   * Returns the compute tier.
   *
   * @return the tier; {@link ServerTier#GENERAL_PURPOSE} by default
   */
  @Value.Default
  public ServerTier tier() {
    return ServerTier.GENERAL_PURPOSE;
  }

  /**
   * Returns the high-availability mode.
   *
   * @return the mode; {@link HighAvailabilityMode#DISABLED} by default
   */
  @Value.Default
  public HighAvailabilityMode highAvailability() {
    return HighAvailabilityMode.DISABLED;
  }

  /**
   * Returns the delegated subnet, for a server with private access.
   *
   * @return the subnet id ({@code network.delegatedSubnetResourceId}), or empty for public access
   */
  public abstract Optional<ResourceId> delegatedSubnet();

  /**
   * Returns the private DNS zone holding the server's A record, for a server with private access.
   *
   * @return the zone id ({@code network.privateDnsZoneArmResourceId}), or empty
   */
  public abstract Optional<ResourceId> privateDnsZone();

  /**
   * Returns the server's private address in its delegated subnet, when known. A server known to
   * have public access has none; one whose networking mode is unknown may.
   *
   * @return the address, or empty (the private zone's A record then tells it)
   */
  public abstract Optional<Ipv4Address> privateAddress();

  /**
   * Returns the public endpoint's address, when known. Azure does not guarantee it stays the same.
   *
   * @return the address, or empty
   */
  public abstract Optional<Ipv4Address> publicAddress();

  /**
   * Returns the networking mode, derived from {@link #delegatedSubnet()}.
   *
   * @return {@link NetworkingMode#PRIVATE_ACCESS} when a delegated subnet is set, {@link
   *     NetworkingMode#UNKNOWN} when {@link ServerSetting#NETWORKING} is unknown, else {@link
   *     NetworkingMode#PUBLIC_ACCESS}
   */
  public final NetworkingMode networkingMode() {
    if (delegatedSubnet().isPresent()) {
      return NetworkingMode.PRIVATE_ACCESS;
    }
    return unknownSettings().contains(ServerSetting.NETWORKING) ? NetworkingMode.UNKNOWN : NetworkingMode.PUBLIC_ACCESS;
  }

  /**
   * Returns the settings whose values the input does not show. The accessor of such a setting
   * returns a value that means nothing; every answer that depends on it is indeterminate, unless
   * every possible value gives the same answer.
   *
   * @return the unknown settings; empty for a server built in Java unless set
   */
  public abstract ImmutableSet<ServerSetting> unknownSettings();

  /**
   * Tells whether a setting's value is known.
   *
   * @param setting the setting
   * @return whether it is not in {@link #unknownSettings()}
   */
  public final boolean isKnown(ServerSetting setting) {
    return !unknownSettings().contains(setting);
  }

  /**
   * Returns the server's state ({@code properties.state}).
   *
   * @return the state; {@link ServerState#READY} by default
   */
  @Value.Default
  public ServerState state() {
    return ServerState.READY;
  }

  /**
   * Tells whether the server has a public endpoint: it is known not to be VNet-integrated.
   *
   * @return whether the networking mode is public access
   */
  public final boolean hasPublicEndpoint() {
    return networkingMode() == NetworkingMode.PUBLIC_ACCESS;
  }

  /**
   * Returns {@code network.publicNetworkAccess}.
   *
   * @return the setting; by default Enabled for public access and Disabled for private access
   */
  @Value.Default
  public PublicNetworkAccess publicNetworkAccess() {
    return delegatedSubnet().isPresent() ? PublicNetworkAccess.DISABLED : PublicNetworkAccess.ENABLED;
  }

  /**
   * Returns the server parameter {@code require_secure_transport}.
   *
   * @return whether only TLS connections are accepted; true by default
   */
  @Value.Default
  public boolean requireSecureTransport() {
    return true;
  }

  /**
   * Returns the server parameter {@code ssl_min_protocol_version}.
   *
   * @return the lowest TLS version accepted; TLS 1.2 by default
   */
  @Value.Default
  public TlsVersion sslMinProtocolVersion() {
    return TlsVersion.TLS_1_2;
  }

  /**
   * Returns the server parameter {@code ssl_max_protocol_version}, which Azure advises not to set.
   *
   * @return the highest TLS version accepted, or empty for no limit
   */
  public abstract Optional<TlsVersion> sslMaxProtocolVersion();

  /**
   * Returns whether the built-in PgBouncer is enabled ({@code pgbouncer.enabled}), listening on
   * port 6432.
   *
   * @return whether PgBouncer is on; false by default
   */
  @Value.Default
  public boolean pgBouncerEnabled() {
    return false;
  }

  /**
   * Returns the replication role.
   *
   * @return the role; {@link ReplicationRole#NONE} by default
   */
  @Value.Default
  public ReplicationRole replicationRole() {
    return ReplicationRole.NONE;
  }

  /**
   * Returns how the server was created.
   *
   * @return the create mode; {@link CreateMode#DEFAULT} by default
   */
  @Value.Default
  public CreateMode createMode() {
    return CreateMode.DEFAULT;
  }

  /**
   * Returns the server this one was restored or replicated from.
   *
   * @return the source server's id, or empty
   */
  public abstract Optional<ResourceId> sourceServer();

  /**
   * Tells whether the server is VNet-integrated.
   *
   * <p><b>Warning:</b> false does not mean public access: the networking mode may be {@link
   * NetworkingMode#UNKNOWN}; use {@link #hasPublicEndpoint()} for that.
   *
   * @return whether the networking mode is private access
   */
  public final boolean isVnetIntegrated() {
    return networkingMode() == NetworkingMode.PRIVATE_ACCESS;
  }

  /**
   * Tells whether the server listens on a port: 5432 always, 6432 when PgBouncer is enabled on a
   * tier that offers it (not Burstable).
   *
   * @param port a port number
   * @return whether a connection to that port finds a listener
   */
  public final boolean listensOn(int port) {
    return port == POSTGRES_PORT || (port == PGBOUNCER_PORT && pgBouncerEnabled() && tier() != ServerTier.BURSTABLE);
  }

  @Value.Check
  final void check() {
    id().requireType(RESOURCE_TYPE, "FlexibleServer.id");
    String field = "FlexibleServer[" + id().name() + "]";
    ServerName.parse(id().name()); // throws INVALID_SERVER_NAME naming the rule that is broken
    delegatedSubnet().ifPresent(s -> s.requireType(Subnet.RESOURCE_TYPE, field + ".delegatedSubnet"));
    privateDnsZone().ifPresent(z -> z.requireType("Microsoft.Network/privateDnsZones", field + ".privateDnsZone"));
    sourceServer().ifPresent(s -> s.requireType(RESOURCE_TYPE, field + ".sourceServer"));
    if (delegatedSubnet().isPresent() && unknownSettings().contains(ServerSetting.NETWORKING)) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE,
          "%s.delegatedSubnet (%s) is set, so the networking mode is known; NETWORKING must not be among unknownSettings",
          field,
          delegatedSubnet().get());
    }
    if (privateAddress().isPresent() && networkingMode() == NetworkingMode.PUBLIC_ACCESS) {
      // Only a server known to have public access: one whose networking mode is unknown may have a private address.
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE,
          "%s.privateAddress (%s) is set, but a server without a delegatedSubnet (public access) has no private address",
          field,
          privateAddress().get());
    }
    sslMaxProtocolVersion()
        .filter(max -> max.compareTo(sslMinProtocolVersion()) < 0)
        .ifPresent(
            max -> {
              throw PgreachException.of(
                  ErrorCode.INVALID_VALUE,
                  "%s.sslMaxProtocolVersion (%s) must not be below sslMinProtocolVersion (%s)",
                  field,
                  max.parameterValue(),
                  sslMinProtocolVersion().parameterValue());
            });
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link FlexibleServer}s. */
  public static final class Builder extends ImmutableFlexibleServer.Builder {
    Builder() {}
  }
}
