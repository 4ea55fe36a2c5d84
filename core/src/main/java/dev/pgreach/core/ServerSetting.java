package dev.pgreach.core;

/**
 * A setting of a flexible server that an input may leave unknown: a template that takes it from
 * {@code reference()}, a Terraform value known only after apply, a server listed with {@code
 * properties: null}, a server parameter whose {@code configurations} the input does not hold.
 *
 * <p>A server's {@link FlexibleServer#unknownSettings()} names the settings whose values the model
 * does not know; the accessor of such a setting then returns a value that means nothing, and every
 * answer that depends on it is indeterminate (or, where every possible value gives the same
 * answer, that answer).
 */
public enum ServerSetting {
  /** Whether the server is VNet-integrated ({@code network.delegatedSubnetResourceId} set or not). */
  NETWORKING,
  /** The private DNS zone of a VNet-integrated server ({@code network.privateDnsZoneArmResourceId}). */
  PRIVATE_DNS_ZONE,
  /** {@code network.publicNetworkAccess}. */
  PUBLIC_NETWORK_ACCESS,
  /** The server parameter {@code require_secure_transport}. */
  REQUIRE_SECURE_TRANSPORT,
  /** The server parameter {@code ssl_min_protocol_version}. */
  SSL_MIN_PROTOCOL_VERSION,
  /** The server parameter {@code ssl_max_protocol_version}. */
  SSL_MAX_PROTOCOL_VERSION,
  /** The server parameter {@code pgbouncer.enabled}. */
  PGBOUNCER,
  /** The compute tier ({@code sku.tier}). */
  TIER,
  /** The high-availability mode. */
  HIGH_AVAILABILITY,
  /** The PostgreSQL major version. */
  VERSION,
  /** The replication role. */
  REPLICATION_ROLE,
  /** The create mode and the source server. */
  CREATE_MODE,
  /** The server's state ({@code properties.state}: Ready, Stopped …). */
  STATE
}
