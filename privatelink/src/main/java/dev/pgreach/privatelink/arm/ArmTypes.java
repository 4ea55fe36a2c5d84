package dev.pgreach.privatelink.arm;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What the shapes of ARM input need to know of Azure's resource types: their canonical spelling,
 * which members of a resource are its envelope (outside {@code properties} in a REST body), which
 * nested lists hold sub-resources (objects that carry their own {@code properties} in a REST body,
 * such as a virtual network's {@code subnets} or a network interface's {@code ipConfigurations}),
 * the REST spelling of the property members pgreach reads, and which child collections a parent
 * lists inline.
 *
 * <p>The types are those {@link ArmReader.Kind} reads, and a flexible server's {@code
 * privateEndpointConnections}, whose states the reader takes from the server. Other types are not
 * described: the shapes pass them through unchanged.
 */
final class ArmTypes {
  /** A flexible server's private endpoint connection, as its own resource. */
  static final String PRIVATE_ENDPOINT_CONNECTION = "Microsoft.DBforPostgreSQL/flexibleServers/privateEndpointConnections";

  /** Members of every resource outside {@code properties}, in the order a canonical resource has them. */
  static final ImmutableList<String> ENVELOPE =
      ImmutableList.of("id", "name", "type", "location", "kind", "sku", "identity", "plan", "managedBy", "zones", "extendedLocation", "tags", "etag", "systemData");

  /** Members of a sub-resource outside its {@code properties}. */
  static final ImmutableList<String> SUB_ENVELOPE = ImmutableList.of("id", "name", "type", "etag");

  /**
   * Members that command-line tools and Resource Graph add beside a resource and that a REST body
   * does not have; they are dropped once checked against the id (a resource group or subscription
   * that disagrees with the id is an error).
   */
  static final ImmutableSet<String> ADDED = ImmutableSet.of("resourcegroup", "subscriptionid", "tenantid", "changedtime", "createdtime");

  /**
   * Tells whether a member is one of {@link #ADDED}, its name in lower case ({@link
   * Locale#ROOT}). Names that cannot lower-case to one of them (longer ones, or ones starting with
   * another ASCII letter) are told apart without making their lower-case text.
   *
   * @param member the member's name
   * @return whether tools add it
   */
  static boolean isAdded(String member) {
    if (member.isEmpty() || member.length() > 14) {
      return false; // lower-casing never shortens a text
    }
    char first = member.charAt(0);
    if (first < 128 && "rstcRSTC".indexOf(first) < 0) {
      return false;
    }
    return ADDED.contains(member.toLowerCase(Locale.ROOT));
  }

  /**
   * How one kind of resource or sub-resource is written.
   *
   * @param subResources the nested lists whose elements are sub-resources, by member name, with
   *     the elements' own description
   * @param spellings the REST spelling of property members pgreach reads, for flattened output
   *     that writes them in another case ({@code privateIpAddress} for {@code privateIPAddress})
   * @param skuInProperties whether {@code sku} is a property, not envelope (virtual network
   *     gateways)
   */
  record Schema(ImmutableMap<String, Schema> subResources, ImmutableSet<String> spellings, boolean skuInProperties) {
    /** The description of a nested list's elements, matched ignoring case. */
    Optional<Schema> subResource(String member) {
      for (Map.Entry<String, Schema> e : subResources.entrySet()) {
        if (e.getKey().equalsIgnoreCase(member)) {
          return Optional.of(e.getValue());
        }
      }
      return Optional.empty();
    }

    /** A property member's REST spelling, when pgreach knows it. */
    String spelling(String member) {
      for (String s : spellings) {
        if (s.equalsIgnoreCase(member)) {
          return s;
        }
      }
      return member;
    }
  }

  /** A parent's child collection that it lists inline in its properties. */
  record Collection(String parentType, String member, String childType) {}

  private static final Schema PLAIN = schema(ImmutableMap.of());
  private static final Schema DELEGATION = schema(ImmutableMap.of(), "serviceName", "actions");
  private static final Schema SUBNET =
      schema(
          ImmutableMap.of("delegations", DELEGATION, "serviceAssociationLinks", PLAIN, "resourceNavigationLinks", PLAIN, "applicationGatewayIPConfigurations", PLAIN),
          "addressPrefix", "addressPrefixes", "networkSecurityGroup", "routeTable", "delegations", "privateEndpointNetworkPolicies", "natGateway", "serviceEndpoints");
  private static final Schema PEERING =
      schema(ImmutableMap.of(), "remoteVirtualNetwork", "allowVirtualNetworkAccess", "allowForwardedTraffic", "allowGatewayTransit", "useRemoteGateways", "peeringState");
  private static final Schema SECURITY_RULE =
      schema(
          ImmutableMap.of(),
          "priority", "direction", "access", "protocol", "sourceAddressPrefix", "sourceAddressPrefixes", "destinationAddressPrefix",
          "destinationAddressPrefixes", "sourcePortRange", "sourcePortRanges", "destinationPortRange", "destinationPortRanges",
          "sourceApplicationSecurityGroups", "destinationApplicationSecurityGroups");
  private static final Schema ROUTE = schema(ImmutableMap.of(), "addressPrefix", "nextHopType", "nextHopIpAddress");
  private static final Schema IP_CONFIGURATION =
      schema(
          ImmutableMap.of(),
          "privateIPAddress", "privateIPAllocationMethod", "privateIPAddressVersion", "subnet", "publicIPAddress", "primary");
  private static final Schema LINK_SERVICE_CONNECTION =
      schema(ImmutableMap.of(), "privateLinkServiceId", "groupIds", "privateLinkServiceConnectionState", "requestMessage");
  private static final Schema ENDPOINT_IP_CONFIGURATION = schema(ImmutableMap.of(), "groupId", "memberName", "privateIPAddress");
  private static final Schema SERVER_ENDPOINT_CONNECTION =
      schema(ImmutableMap.of(), "privateEndpoint", "privateLinkServiceConnectionState", "groupIds");

  private static final ImmutableMap<String, Schema> SCHEMAS =
      ImmutableMap.<String, Schema>builder()
          .put(ArmReader.Kind.VIRTUAL_NETWORK.type, schema(ImmutableMap.of("subnets", SUBNET, "virtualNetworkPeerings", PEERING), "addressSpace", "dhcpOptions", "subnets", "virtualNetworkPeerings"))
          .put(ArmReader.Kind.SUBNET.type, SUBNET)
          .put(ArmReader.Kind.PEERING.type, PEERING)
          .put(ArmReader.Kind.NETWORK_SECURITY_GROUP.type, schema(ImmutableMap.of("securityRules", SECURITY_RULE, "defaultSecurityRules", SECURITY_RULE), "securityRules", "defaultSecurityRules"))
          .put(ArmReader.Kind.SECURITY_RULE.type, SECURITY_RULE)
          .put(ArmReader.Kind.ROUTE_TABLE.type, schema(ImmutableMap.of("routes", ROUTE), "routes", "disableBgpRoutePropagation"))
          .put(ArmReader.Kind.ROUTE.type, ROUTE)
          .put(
              ArmReader.Kind.NETWORK_INTERFACE.type,
              schema(ImmutableMap.of("ipConfigurations", IP_CONFIGURATION, "tapConfigurations", PLAIN), "ipConfigurations", "networkSecurityGroup", "enableIPForwarding", "dnsSettings", "privateEndpoint"))
          .put(ArmReader.Kind.PUBLIC_IP_ADDRESS.type, schema(ImmutableMap.of(), "ipAddress", "publicIPAllocationMethod", "publicIPAddressVersion", "ipConfiguration"))
          .put(
              ArmReader.Kind.PRIVATE_ENDPOINT.type,
              schema(
                  ImmutableMap.of(
                      "privateLinkServiceConnections", LINK_SERVICE_CONNECTION,
                      "manualPrivateLinkServiceConnections", LINK_SERVICE_CONNECTION,
                      "ipConfigurations", ENDPOINT_IP_CONFIGURATION),
                  "subnet", "privateLinkServiceConnections", "manualPrivateLinkServiceConnections", "ipConfigurations", "customDnsConfigs", "networkInterfaces"))
          .put(ArmReader.Kind.ZONE_GROUP.type, schema(ImmutableMap.of("privateDnsZoneConfigs", schema(ImmutableMap.of(), "privateDnsZoneId", "recordSets")), "privateDnsZoneConfigs"))
          .put(ArmReader.Kind.PRIVATE_DNS_ZONE.type, PLAIN)
          .put(ArmReader.Kind.ZONE_LINK.type, schema(ImmutableMap.of(), "virtualNetwork", "registrationEnabled", "resolutionPolicy"))
          .put(ArmReader.Kind.A_RECORDS.type, schema(ImmutableMap.of(), "ttl", "aRecords"))
          .put(ArmReader.Kind.CNAME_RECORD.type, schema(ImmutableMap.of(), "ttl", "cnameRecord"))
          .put(ArmReader.Kind.GATEWAY.type, new Schema(ImmutableMap.of("ipConfigurations", IP_CONFIGURATION), ImmutableSet.of("gatewayType", "ipConfigurations", "vpnType", "sku"), true))
          .put(ArmReader.Kind.LOCAL_GATEWAY.type, schema(ImmutableMap.of(), "localNetworkAddressSpace", "gatewayIpAddress"))
          .put(ArmReader.Kind.CONNECTION.type, schema(ImmutableMap.of(), "connectionType", "virtualNetworkGateway1", "virtualNetworkGateway2", "localNetworkGateway2", "peer"))
          .put(ArmReader.Kind.DNS_RESOLVER.type, schema(ImmutableMap.of(), "virtualNetwork"))
          .put(ArmReader.Kind.INBOUND_ENDPOINT.type, schema(ImmutableMap.of(), "ipConfigurations"))
          .put(
              ArmReader.Kind.SERVER.type,
              schema(
                  ImmutableMap.of("privateEndpointConnections", SERVER_ENDPOINT_CONNECTION),
                  "version", "highAvailability", "haEnabled", "network", "replicationRole", "replica", "createMode", "sourceServerResourceId",
                  "privateEndpointConnections", "fullyQualifiedDomainName", "storage", "backup"))
          .put(ArmReader.Kind.FIREWALL_RULE.type, schema(ImmutableMap.of(), "startIpAddress", "endIpAddress"))
          .put(ArmReader.Kind.CONFIGURATION.type, schema(ImmutableMap.of(), "value", "source"))
          .put(PRIVATE_ENDPOINT_CONNECTION, SERVER_ENDPOINT_CONNECTION)
          .buildOrThrow();

  /** The child collections parents list inline, which the reader reads there. */
  static final ImmutableList<Collection> COLLECTIONS =
      ImmutableList.of(
          new Collection(ArmReader.Kind.VIRTUAL_NETWORK.type, "subnets", ArmReader.Kind.SUBNET.type),
          new Collection(ArmReader.Kind.VIRTUAL_NETWORK.type, "virtualNetworkPeerings", ArmReader.Kind.PEERING.type),
          new Collection(ArmReader.Kind.NETWORK_SECURITY_GROUP.type, "securityRules", ArmReader.Kind.SECURITY_RULE.type),
          new Collection(ArmReader.Kind.ROUTE_TABLE.type, "routes", ArmReader.Kind.ROUTE.type),
          new Collection(ArmReader.Kind.SERVER.type, "privateEndpointConnections", PRIVATE_ENDPOINT_CONNECTION));

  /** {@link #COLLECTIONS} by parent type, each in its order there. */
  private static final ImmutableMap<String, ImmutableList<Collection>> COLLECTIONS_BY_PARENT;

  static {
    Map<String, ImmutableList.Builder<Collection>> byParent = new java.util.LinkedHashMap<>();
    COLLECTIONS.forEach(c -> byParent.computeIfAbsent(c.parentType(), k -> ImmutableList.builder()).add(c));
    ImmutableMap.Builder<String, ImmutableList<Collection>> b = ImmutableMap.builder();
    byParent.forEach((k, v) -> b.put(k, v.build()));
    COLLECTIONS_BY_PARENT = b.buildOrThrow();
  }

  private static final ImmutableMap<String, String> CANONICAL;

  static {
    ImmutableMap.Builder<String, String> b = ImmutableMap.builder();
    SCHEMAS.keySet().forEach(t -> b.put(t.toLowerCase(Locale.ROOT), t));
    CANONICAL = b.buildOrThrow();
  }

  private ArmTypes() {}

  private static Schema schema(ImmutableMap<String, Schema> subResources, String... spellings) {
    return new Schema(subResources, ImmutableSet.copyOf(spellings), false);
  }

  /**
   * Returns the canonical spelling of a type pgreach describes.
   *
   * @param type a type in any case, such as Resource Graph's {@code microsoft.network/virtualnetworks}
   * @return its canonical spelling, or empty for types pgreach does not describe
   */
  static Optional<String> canonical(String type) {
    return Optional.ofNullable(CANONICAL.get(type.toLowerCase(Locale.ROOT)));
  }

  /**
   * Returns how a described type is written.
   *
   * @param canonicalType a canonical type, as {@link #canonical} gives
   * @return its description
   */
  static Schema schemaOf(String canonicalType) {
    Schema s = SCHEMAS.get(canonicalType);
    if (s == null) {
      throw new IllegalArgumentException("not a described type: " + canonicalType);
    }
    return s;
  }

  /**
   * Returns the inline collection a child type belongs to.
   *
   * @param childType a canonical type
   * @return the collection, or empty when parents do not list children of this type inline
   */
  static Optional<Collection> collectionOf(String childType) {
    for (Collection c : COLLECTIONS) {
      if (c.childType().equals(childType)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Returns the inline collections of a parent type.
   *
   * @param parentType a canonical type
   * @return the collections, possibly none
   */
  static ImmutableList<Collection> collectionsOf(String parentType) {
    return COLLECTIONS_BY_PARENT.getOrDefault(parentType, ImmutableList.of());
  }

  /**
   * Tells whether a member belongs to the envelope of a resource of this type.
   *
   * @param canonicalType the type, or empty when it is not described
   * @param member the member's name, in any case
   * @return whether it stays outside {@code properties}
   */
  static boolean isEnvelope(Optional<String> canonicalType, String member) {
    if (member.equalsIgnoreCase("sku") && canonicalType.isPresent() && schemaOf(canonicalType.get()).skuInProperties()) {
      return false;
    }
    for (String e : ENVELOPE) {
      if (e.equalsIgnoreCase(member)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Returns the canonical spelling of an envelope member.
   *
   * @param member a member in any case
   * @return its spelling in {@link #ENVELOPE}, or empty when it is not an envelope member
   */
  static Optional<String> envelopeSpelling(String member) {
    for (String e : ENVELOPE) {
      if (e.equalsIgnoreCase(member)) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }
}
