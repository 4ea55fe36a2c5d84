package dev.pgreach.core;

/**
 * The stable, machine-readable reason a {@link PgreachException} was thrown.
 *
 * <p>Codes are part of the API: a constant is never renamed, never removed and never reused for a
 * different meaning. New codes are only ever added. Tools may switch on {@link #name()}.
 *
 * <p>An error code describes input that can never be valid (a malformed address, a prefix length
 * of 33, a reference to something that does not exist). Settings that Azure would reject or not
 * honour, but that can still be written down, are reported as {@link Finding}s instead.
 */
public enum ErrorCode {
  /** A required attribute was not set on a builder, or was set to {@code null}. */
  MISSING_ATTRIBUTE,
  /** A value is outside what its type allows (an empty list that must not be empty, a negative count). */
  INVALID_VALUE,
  /** Text is not a dotted-quad IPv4 address ({@code 10.0.0.4}). */
  INVALID_IPV4_ADDRESS,
  /**
   * The address is IPv6 (or another non-IPv4 form) where only IPv4 is accepted. Azure says of
   * firewall rules: the IP address should be in IPv4 format.
   */
  ADDRESS_MUST_BE_IPV4,
  /** Text is not a CIDR prefix ({@code 10.0.0.0/24}), or its length is outside 0–32. */
  INVALID_PREFIX,
  /** A network prefix has bits set after its length ({@code 10.0.0.5/24}); its network is {@code 10.0.0.0/24}. */
  PREFIX_HOST_BITS_SET,
  /** Text is not an address range ({@code 10.0.0.1-10.0.0.9}) or a list of ranges. */
  INVALID_RANGE,
  /** The end address of a range is smaller than its start address. */
  END_ADDRESS_SMALLER_THAN_START,
  /** Text is not an Azure Resource Manager resource id ({@code /subscriptions/…/providers/…}). */
  INVALID_RESOURCE_ID,
  /** A resource id names a different resource type than the place it was given expects. */
  WRONG_RESOURCE_TYPE,
  /**
   * A flexible server name breaks Azure's rule: 3 to 63 characters, lowercase letters, digits and
   * hyphens, not starting or ending with a hyphen.
   */
  INVALID_SERVER_NAME,
  /** Text is not an Azure region name. */
  INVALID_REGION,
  /** Text is not a TLS protocol version known to the library ({@code TLSv1.2}). */
  INVALID_TLS_VERSION,
  /** Two resources of the same kind share one resource id (ids are case-insensitive). */
  DUPLICATE_RESOURCE,
  /** A resource refers to another resource that is not part of the model; the message names both. */
  DANGLING_REFERENCE,
  /** A question names a resource (a client's subnet, a server) that the model does not contain. */
  UNKNOWN_RESOURCE,
  /** A firewall rule name breaks Azure's rule: 3 to 128 characters of {@code 0-9 a-z A-Z - _}. */
  INVALID_FIREWALL_RULE_NAME,
  /** A network security rule is malformed (name, priority, ports, protocol, address prefixes). */
  INVALID_SECURITY_RULE,
  /** Two security rules of one network security group share a priority and a direction. */
  DUPLICATE_PRIORITY,
  /** A port or port range is outside 0–65535, or its end is before its start. */
  INVALID_PORT_RANGE,
  /** Text is not a DNS name, or a label is empty, too long or holds a character DNS forbids. */
  INVALID_DNS_NAME,
  /** A DNS record or link clashes with another one in the same zone. */
  DUPLICATE_DNS_ENTRY,
  /** A virtual network is linked to two zones whose names are the same or overlap. */
  OVERLAPPING_ZONE_LINKS,
  /** A private endpoint is malformed (group id, zone group, connection). */
  INVALID_PRIVATE_ENDPOINT,
  /** Input text (JSON, command-line arguments) cannot be read; the message names the path and value. */
  INVALID_INPUT,
  /** A route or route table is malformed (a virtual appliance route without an address, …). */
  INVALID_ROUTE;
}
