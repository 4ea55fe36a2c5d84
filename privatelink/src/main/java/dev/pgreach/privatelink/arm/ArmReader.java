package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSortedMap;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.CreateMode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.Region;
import dev.pgreach.core.ReplicationRole;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServerTier;
import dev.pgreach.core.ServiceTagRoute;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.dns.ConditionalForwarder;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.ResolutionPolicy;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleRemoval;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads ARM resources and a companion document into an estate, in two passes: first every
 * resource of a known type is collected (nested subnets, peerings, rules and routes included,
 * template resources with their ids worked out), then the model is built kind by kind, each
 * reference checked with the JSON path that made it. Nothing is kept when anything fails.
 */
final class ArmReader {
  /** The subscription an ARM template is read into when the companion names none. */
  static final String DEFAULT_SUBSCRIPTION = "00000000-0000-0000-0000-000000000000";

  /** The resource group an ARM template is read into when the companion names none. */
  static final String DEFAULT_RESOURCE_GROUP = "deployment";

  /** The tenant of an Azure-hosted client whose tenant is not given. */
  static final String UNKNOWN_TENANT = "unknown";

  /** The resource types pgreach reads, with the member names nested children use. */
  enum Kind {
    VIRTUAL_NETWORK("Microsoft.Network/virtualNetworks"),
    SUBNET("Microsoft.Network/virtualNetworks/subnets"),
    PEERING("Microsoft.Network/virtualNetworks/virtualNetworkPeerings"),
    NETWORK_SECURITY_GROUP("Microsoft.Network/networkSecurityGroups"),
    SECURITY_RULE("Microsoft.Network/networkSecurityGroups/securityRules"),
    ROUTE_TABLE("Microsoft.Network/routeTables"),
    ROUTE("Microsoft.Network/routeTables/routes"),
    NETWORK_INTERFACE("Microsoft.Network/networkInterfaces"),
    PUBLIC_IP_ADDRESS("Microsoft.Network/publicIPAddresses"),
    PRIVATE_ENDPOINT("Microsoft.Network/privateEndpoints"),
    ZONE_GROUP("Microsoft.Network/privateEndpoints/privateDnsZoneGroups"),
    PRIVATE_DNS_ZONE("Microsoft.Network/privateDnsZones"),
    ZONE_LINK("Microsoft.Network/privateDnsZones/virtualNetworkLinks"),
    A_RECORDS("Microsoft.Network/privateDnsZones/A"),
    CNAME_RECORD("Microsoft.Network/privateDnsZones/CNAME"),
    GATEWAY("Microsoft.Network/virtualNetworkGateways"),
    LOCAL_GATEWAY("Microsoft.Network/localNetworkGateways"),
    CONNECTION("Microsoft.Network/connections"),
    DNS_RESOLVER("Microsoft.Network/dnsResolvers"),
    INBOUND_ENDPOINT("Microsoft.Network/dnsResolvers/inboundEndpoints"),
    SERVER("Microsoft.DBforPostgreSQL/flexibleServers"),
    FIREWALL_RULE("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"),
    CONFIGURATION("Microsoft.DBforPostgreSQL/flexibleServers/configurations");

    final String type;

    Kind(String type) {
      this.type = type;
    }

    static Optional<Kind> of(String type) {
      for (Kind k : values()) {
        if (k.type.equalsIgnoreCase(type)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }
  }

  /** One resource of a known type, where it was found, and its place in document order. */
  private record Raw(Kind kind, ResourceId id, Node node, int seq) {
    Node props() {
      return node.objectOrEmpty("properties");
    }

    ResourceId parent() {
      return id.parent().orElseThrow();
    }
  }

  private final Node arm;
  private final Node companion;
  private final Map<Kind, List<Raw>> raws = new EnumMap<>(Kind.class);
  private final Map<String, String> skippedNames = new TreeMap<>();
  private final Map<String, Integer> skippedCounts = new TreeMap<>();
  private final List<String> notes = new ArrayList<>();
  private Optional<TemplateExpressions> template = Optional.empty();
  private int seq;
  private int resourceCount;

  // Built as reading goes on.
  private final Map<ResourceId, Optional<Ipv4Address>> publicAddresses = new HashMap<>();
  private final Map<ResourceId, Ipv4Address> endpointInterfaceAddresses = new HashMap<>();
  private final LinkedHashMap<ResourceId, NetworkSecurityGroup> groups = new LinkedHashMap<>();
  private final LinkedHashMap<ResourceId, RouteTable> routeTables = new LinkedHashMap<>();
  private final LinkedHashMap<ResourceId, VirtualNetwork> virtualNetworks = new LinkedHashMap<>();
  private final Map<ResourceId, Subnet> subnets = new HashMap<>();
  private final LinkedHashMap<ResourceId, OnPremisesNetwork> onPremises = new LinkedHashMap<>();
  private final Map<ResourceId, ResourceId> circuits = new HashMap<>();
  private final LinkedHashMap<ResourceId, VirtualNetworkGateway> gateways = new LinkedHashMap<>();
  private final LinkedHashMap<ResourceId, NetworkInterface> interfaces = new LinkedHashMap<>();
  private final LinkedHashMap<ResourceId, FlexibleServer> servers = new LinkedHashMap<>();
  private final LinkedHashMap<ResourceId, PrivateDnsZone> zones = new LinkedHashMap<>();
  private final Map<ResourceId, Node> serverEntries = new HashMap<>();
  private final Map<Map<ResourceId, ?>, Map<ResourceId, ? extends List<?>>> childIndex = new java.util.IdentityHashMap<>();
  private final Map<ResourceId, List<Raw>> zoneGroupsByEndpoint = new HashMap<>();
  private Network network;

  /** Resources handed over by a front end, when the input is not one ARM document. */
  private final Optional<ResourceInput> input;

  ArmReader(Node arm, Node companion) {
    this.arm = arm;
    this.companion = companion.requireObject().only(Companion.MEMBERS);
    this.input = Optional.empty();
  }

  ArmReader(ResourceInput input, Node companion) {
    this.arm = Node.root(Json.array(), "$");
    this.companion = companion.requireObject().only(Companion.MEMBERS);
    this.input = Optional.of(input);
  }

  ArmImport read() {
    collectAll();
    publicAddresses();
    securityGroups();
    routeTables();
    virtualNetworks();
    onPremisesNetworks();
    gateways();
    List<GatewayConnection> connections = connections();
    networkInterfaces();
    servers();
    Map<ResourceId, FirewallRuleSet> rules = firewallRules();
    network =
        arm.parse(
            () ->
                Network.builder()
                    .addAllVirtualNetworks(virtualNetworks.values())
                    .addAllNetworkInterfaces(interfaces.values())
                    .addAllRouteTables(routeTables.values())
                    .addAllVirtualNetworkGateways(gateways.values())
                    .addAllGatewayConnections(connections)
                    .addAllOnPremisesNetworks(onPremises.values())
                    .addAllFlexibleServers(servers.values())
                    .build());
    privateDnsZones();
    List<DnsServer> dnsServers = new ArrayList<>(inboundEndpoints());
    dnsServers.addAll(companionDnsServers());
    List<PrivateEndpoint> endpoints = privateEndpoints();
    List<Client> clients = clients();
    Estate.Builder estate =
        Estate.builder()
            .network(network)
            .addAllNetworkSecurityGroups(groups.values())
            .putAllFirewallRules(rules)
            .addAllPrivateDnsZones(zones.values())
            .addAllDnsServers(dnsServers)
            .addAllPrivateEndpoints(endpoints)
            .addAllClients(clients);
    companionEstateExtras(estate);
    Estate built = arm.parse(estate::build);
    return new ArmImport(
        built,
        resourceCount,
        skippedTotals(),
        ImmutableList.copyOf(notes),
        companion.opt("at").map(Node::instant));
  }

  private ImmutableSortedMap<String, Integer> skippedTotals() {
    ImmutableSortedMap.Builder<String, Integer> b = ImmutableSortedMap.naturalOrder();
    skippedCounts.forEach((k, v) -> b.put(skippedNames.get(k), v));
    return b.build();
  }

  // ================================================================== collecting

  private void collectAll() {
    if (input.isPresent()) {
      notes.addAll(input.get().notes());
      for (ResourceInput.Entry e : input.get().resources()) {
        if (e.uncertain().isPresent()) {
          notes.add(e.path() + ": " + e.uncertain().get() + "; the resource was not read");
          continue;
        }
        collect(Node.root(e.resource(), e.path()), Optional.empty());
      }
      input.get().existing().forEach((id, path) -> notes.add(path + ": " + id + " is declared to exist elsewhere; not read"));
      return;
    }
    List<Node> list;
    if (arm.isArray()) {
      list = arm.elements();
    } else if (arm.isObject() && arm.has("resources")) {
      template = Optional.of(templateExpressions());
      Node resources = arm.req("resources");
      list = resources.isObject() ? resources.members().stream().map(Map.Entry::getValue).toList() : resources.elements();
    } else if (arm.isObject() && (arm.has("value") || arm.has("data"))) {
      list = arm.opt("value").orElseGet(() -> arm.req("data")).elements();
    } else {
      throw arm.error(
          ErrorCode.INVALID_INPUT,
          "must be a JSON array of ARM resources (as az resource list or a Resource Graph query gives), an object whose value or data is such an array, or an ARM template with a resources array");
    }
    for (Node r : list) {
      collect(template.map(r::inTemplate).orElse(r), Optional.empty());
    }
  }

  private TemplateExpressions templateExpressions() {
    Optional<Node> deployment = companion.opt("deployment").map(d -> d.requireObject().only("subscriptionId", "resourceGroup", "location", "parameters"));
    Map<String, JsonNode> values = new LinkedHashMap<>();
    deployment.flatMap(d -> d.opt("parameters")).ifPresent(p -> p.members().forEach(m -> values.put(m.getKey(), m.getValue().raw())));
    return new TemplateExpressions(
        arm.opt("parameters").map(Node::requireObject),
        arm.opt("variables").map(Node::requireObject),
        values,
        deployment.flatMap(d -> d.optText("subscriptionId")).orElse(DEFAULT_SUBSCRIPTION),
        deployment.flatMap(d -> d.optText("resourceGroup")).orElse(DEFAULT_RESOURCE_GROUP),
        deployment.flatMap(d -> d.optText("location")));
  }

  private void collect(Node resource, Optional<ResourceId> templateParent) {
    resource.requireObject();
    if (template.isPresent()) {
      if (resource.opt("condition").map(c -> !c.bool()).orElse(false)) {
        notes.add(resource.path() + ": condition is false; the resource is not deployed and was not read");
        return;
      }
      if (resource.has("copy")) {
        throw resource.child("copy").error(ErrorCode.INVALID_INPUT, "copy loops are not supported; export the deployed resources instead");
      }
      if (resource.optBool("existing").orElse(false)) {
        notes.add(resource.path() + ": an existing resource, declared elsewhere; not read");
        return;
      }
    }
    Node typeNode = resource.req("type");
    String written = typeNode.nonBlank();
    String type = templateParent.isPresent() && written.indexOf('/') < 0 ? templateParent.get().type() + "/" + written : written;
    ResourceId id = idOf(resource, type, templateParent);
    Optional<Kind> kind = Kind.of(type);
    resourceCount += kind.isPresent() ? 1 : 0;
    if (kind.isEmpty()) {
      String key = type.toLowerCase(Locale.ROOT);
      skippedNames.putIfAbsent(key, type);
      skippedCounts.merge(key, 1, Integer::sum);
    } else {
      add(kind.get(), id, resource);
      inline(kind.get(), id, resource);
    }
    if (template.isPresent()) {
      for (Node child : resource.list("resources")) {
        collect(child, Optional.of(id));
      }
    }
  }

  private void add(Kind kind, ResourceId id, Node node) {
    raws.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Raw(kind, id, node, seq++));
  }

  /** Children ARM nests in a parent's properties: subnets, peerings, security rules, routes. */
  private void inline(Kind kind, ResourceId id, Node resource) {
    switch (kind) {
      case VIRTUAL_NETWORK:
        inlineChildren(resource, "subnets", Kind.SUBNET, id);
        inlineChildren(resource, "virtualNetworkPeerings", Kind.PEERING, id);
        break;
      case NETWORK_SECURITY_GROUP:
        inlineChildren(resource, "securityRules", Kind.SECURITY_RULE, id);
        break;
      case ROUTE_TABLE:
        inlineChildren(resource, "routes", Kind.ROUTE, id);
        break;
      default:
        break;
    }
  }

  private void inlineChildren(Node resource, String member, Kind kind, ResourceId parent) {
    Optional<Node> props = resource.opt("properties");
    if (props.isEmpty()) {
      return;
    }
    for (Node child : props.get().requireObject().list(member)) {
      child.requireObject();
      ResourceId id;
      if (child.has("id")) {
        Node idNode = child.req("id");
        id = idNode.resourceId(kind.type);
        if (!id.parent().orElseThrow().equals(parent)) {
          throw idNode.error(ErrorCode.INVALID_INPUT, "belongs to %s, not to %s which lists it", id.parent().orElseThrow(), parent);
        }
      } else {
        Node name = child.req("name");
        String n = name.nonBlank();
        id = name.parse(() -> parent.child(kind.type.substring(kind.type.lastIndexOf('/') + 1), n));
      }
      add(kind, id, child);
    }
  }

  /** The resource's id: as written, or (in a template) made from its type and name. */
  private ResourceId idOf(Node resource, String type, Optional<ResourceId> templateParent) {
    Optional<Node> idNode = resource.opt("id");
    if (idNode.isPresent()) {
      ResourceId id = idNode.get().resourceId();
      if (!id.isOfType(type)) {
        throw idNode.get().error(ErrorCode.INVALID_INPUT, "is a %s id, but the resource's type is %s", id.type(), type);
      }
      return id;
    }
    if (template.isEmpty()) {
      throw resource.child("id").error(ErrorCode.INVALID_INPUT, "is required: every resource in a resource list has its id");
    }
    Node nameNode = resource.req("name");
    String name = nameNode.nonBlank();
    String[] types = type.split("/", -1);
    if (templateParent.isPresent() && name.indexOf('/') < 0) {
      return nameNode.parse(() -> templateParent.get().child(types[types.length - 1], name));
    }
    String[] names = name.split("/", -1);
    if (types.length < 2 || names.length != types.length - 1) {
      throw nameNode.error(ErrorCode.INVALID_INPUT, "must have %d segments for type %s", Math.max(1, types.length - 1), type);
    }
    StringBuilder text = new StringBuilder("/subscriptions/").append(template.get().subscriptionId()).append("/resourceGroups/").append(template.get().resourceGroup()).append("/providers/").append(types[0]);
    for (int i = 1; i < types.length; i++) {
      text.append('/').append(types[i]).append('/').append(names[i - 1]);
    }
    return nameNode.parse(() -> ResourceId.parse(text.toString()));
  }

  private List<Raw> raws(Kind kind) {
    return raws.getOrDefault(kind, List.of());
  }

  /**
   * Converts every resource of a kind; one listed twice (nested in its parent and on its own)
   * must convert to the same value both times.
   */
  private <T> LinkedHashMap<ResourceId, T> convert(Kind kind, Function<Raw, T> f) {
    LinkedHashMap<ResourceId, T> out = new LinkedHashMap<>();
    Map<ResourceId, Raw> first = new HashMap<>();
    for (Raw r : raws(kind)) {
      T v = f.apply(r);
      if (v == null) {
        continue;
      }
      T previous = out.get(r.id());
      if (previous == null) {
        out.put(r.id(), v);
        first.put(r.id(), r);
      } else if (!previous.equals(v)) {
        throw r.node().error(ErrorCode.DUPLICATE_RESOURCE, "lists %s a second time, with other properties than %s", r.id(), first.get(r.id()).node().path());
      }
    }
    return out;
  }

  /** The converted children of one parent, in document order. */
  private <T> List<T> childrenOf(LinkedHashMap<ResourceId, T> children, ResourceId parent) {
    @SuppressWarnings("unchecked")
    Map<ResourceId, List<T>> byParent =
        (Map<ResourceId, List<T>>) (Map<ResourceId, ?>) childIndex.computeIfAbsent(children, c -> {
          Map<ResourceId, List<Object>> index = new HashMap<>();
          c.forEach((id, v) -> index.computeIfAbsent(id.parent().orElseThrow(), k -> new ArrayList<>()).add(v));
          return index;
        });
    return byParent.getOrDefault(parent, List.of());
  }

  /** The first listing of each child resource of a kind, by parent, in document order. */
  private Map<ResourceId, List<Raw>> uniqueByParent(Kind kind) {
    Map<ResourceId, List<Raw>> out = new HashMap<>();
    for (Raw r : unique(kind)) {
      out.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /** Checks that every child's parent was read. */
  private void requireParents(Kind kind, Map<ResourceId, ?> parents, String what) {
    for (Raw r : raws(kind)) {
      if (!parents.containsKey(r.parent())) {
        throw r.node().error(ErrorCode.DANGLING_REFERENCE, "belongs to %s %s, which is not in the input", what, r.parent());
      }
    }
  }

  /** A reference to another resource, which must be in the input. */
  private static ResourceId reference(Node idNode, String type, Map<ResourceId, ?> known, String what) {
    ResourceId id = idNode.resourceId(type);
    if (!known.containsKey(id)) {
      throw idNode.error(ErrorCode.DANGLING_REFERENCE, "refers to %s %s, which is not in the input", what, id);
    }
    return id;
  }

  // ================================================================== network

  private void publicAddresses() {
    publicAddresses.putAll(
        convert(
            Kind.PUBLIC_IP_ADDRESS,
            r -> {
              Optional<Node> a = r.props().opt("ipAddress");
              if (a.isPresent() && a.get().text().indexOf(':') >= 0) {
                notes.add(a.get().path() + ": an IPv6 address; pgreach models IPv4 only");
                return Optional.<Ipv4Address>empty();
              }
              return a.map(Node::address);
            }));
  }

  private void securityGroups() {
    LinkedHashMap<ResourceId, Optional<SecurityRule>> rules = convert(Kind.SECURITY_RULE, r -> securityRule(r));
    LinkedHashMap<ResourceId, Raw> nsgs = convert(Kind.NETWORK_SECURITY_GROUP, r -> r);
    requireParents(Kind.SECURITY_RULE, nsgs, "network security group");
    for (Raw r : unique(Kind.NETWORK_SECURITY_GROUP)) {
      List<SecurityRule> own = new ArrayList<>();
      childrenOf(rules, r.id()).forEach(o -> o.ifPresent(own::add));
      groups.put(r.id(), r.node().parse(() -> NetworkSecurityGroup.builder().id(r.id()).addAllSecurityRules(own).build()));
    }
  }

  /** The first listing of each resource of a kind. */
  private List<Raw> unique(Kind kind) {
    Map<ResourceId, Raw> seen = new LinkedHashMap<>();
    raws(kind).forEach(r -> seen.putIfAbsent(r.id(), r));
    return new ArrayList<>(seen.values());
  }

  private Optional<SecurityRule> securityRule(Raw r) {
    Node p = r.props();
    SecurityRule.Builder b =
        SecurityRule.builder()
            .name(r.id().name())
            .priority((int) p.req("priority").integer(0, 1_000_000))
            .direction(p.req("direction").choice(SecurityRuleDirection.class, SecurityRuleDirection::azureName))
            .access(p.req("access").choice(SecurityRuleAccess.class, SecurityRuleAccess::azureName));
    Node protocol = p.req("protocol");
    String protocolText = protocol.text();
    b.protocol(protocol.parse(() -> SecurityRuleProtocol.parse(protocolText)));
    Optional<List<SecurityRuleAddress>> sources = ruleAddresses(p, "sourceAddressPrefix", "sourceAddressPrefixes");
    Optional<List<SecurityRuleAddress>> destinations = ruleAddresses(p, "destinationAddressPrefix", "destinationAddressPrefixes");
    if (sources.isEmpty() || destinations.isEmpty()) {
      notes.add(r.node().path() + ": security rule " + r.id().name() + " names only IPv6 addresses on one side; it matches no IPv4 flow and was left out");
      return Optional.empty();
    }
    b.addAllSourceAddressPrefixes(sources.get());
    b.addAllDestinationAddressPrefixes(destinations.get());
    b.addAllSourceApplicationSecurityGroups(groupsOf(p, "sourceApplicationSecurityGroups"));
    b.addAllDestinationApplicationSecurityGroups(groupsOf(p, "destinationApplicationSecurityGroups"));
    b.addAllSourcePortRanges(ports(p, "sourcePortRange", "sourcePortRanges"));
    b.addAllDestinationPortRanges(ports(p, "destinationPortRange", "destinationPortRanges"));
    return Optional.of(r.node().parse(b::build));
  }

  /** The singular and plural forms together; empty when every address given is IPv6. */
  private static Optional<List<SecurityRuleAddress>> ruleAddresses(Node p, String one, String many) {
    List<Node> given = new ArrayList<>();
    p.opt(one).filter(n -> !n.text().isEmpty()).ifPresent(given::add);
    given.addAll(p.list(many));
    List<SecurityRuleAddress> out = new ArrayList<>();
    for (Node n : given) {
      String t = n.text();
      if (t.indexOf(':') >= 0) {
        continue;
      }
      out.add(n.parse(() -> SecurityRuleAddress.parse(t)));
    }
    return out.isEmpty() && !given.isEmpty() ? Optional.empty() : Optional.of(out);
  }

  private static List<ResourceId> groupsOf(Node p, String member) {
    List<ResourceId> out = new ArrayList<>();
    for (Node g : p.list(member)) {
      out.add(g.req("id").resourceId(SecurityRule.APPLICATION_SECURITY_GROUP_TYPE));
    }
    return out;
  }

  private static List<PortRange> ports(Node p, String one, String many) {
    List<PortRange> out = new ArrayList<>();
    List<Node> given = new ArrayList<>();
    p.opt(one).filter(n -> !n.isText() || !n.text().isEmpty()).ifPresent(given::add);
    given.addAll(p.list(many));
    for (Node n : given) {
      String t = n.isText() ? n.text() : Long.toString(n.integer(0, PortRange.MAX_PORT));
      out.add(n.parse(() -> PortRange.parse(t)));
    }
    return out;
  }

  private void routeTables() {
    LinkedHashMap<ResourceId, Optional<Object>> routes = convert(Kind.ROUTE, this::route);
    LinkedHashMap<ResourceId, Raw> tables = convert(Kind.ROUTE_TABLE, r -> r);
    requireParents(Kind.ROUTE, tables, "route table");
    for (Raw r : unique(Kind.ROUTE_TABLE)) {
      RouteTable.Builder b = RouteTable.builder().id(r.id());
      for (Optional<Object> o : childrenOf(routes, r.id())) {
        o.ifPresent(x -> {
          if (x instanceof Route) {
            b.addRoutes((Route) x);
          } else {
            b.addServiceTagRoutes((ServiceTagRoute) x);
          }
        });
      }
      routeTables.put(r.id(), r.node().parse(b::build));
    }
  }

  private Optional<Object> route(Raw r) {
    Node p = r.props();
    Node prefix = p.req("addressPrefix");
    String text = prefix.nonBlank();
    NextHopType hop = p.req("nextHopType").choice(NextHopType.class, ArmReader::nextHopName);
    Optional<Ipv4Address> appliance = p.opt("nextHopIpAddress").filter(n -> !n.text().isEmpty()).map(Node::address);
    if (text.indexOf(':') >= 0) {
      notes.add(prefix.path() + ": an IPv6 route; pgreach models IPv4 only");
      return Optional.empty();
    }
    char c = text.charAt(0);
    if (Character.isDigit(c)) {
      Ipv4Prefix parsed = prefix.parse(() -> Ipv4Prefix.parse(text));
      return Optional.of(r.node().parse(() -> Route.builder().name(r.id().name()).addressPrefix(parsed).nextHopType(hop).nextHopIpAddress(appliance).build()));
    }
    return Optional.of(r.node().parse(() -> ServiceTagRoute.builder().name(r.id().name()).serviceTag(text).nextHopType(hop).nextHopIpAddress(appliance).build()));
  }

  static String nextHopName(NextHopType t) {
    switch (t) {
      case VNET_LOCAL:
        return "VnetLocal";
      case VNET_PEERING:
        return "VNetPeering";
      case VIRTUAL_NETWORK_GATEWAY:
        return "VirtualNetworkGateway";
      case INTERNET:
        return "Internet";
      case VIRTUAL_APPLIANCE:
        return "VirtualAppliance";
      default:
        return "None";
    }
  }

  private void virtualNetworks() {
    LinkedHashMap<ResourceId, Subnet> subnetValues = convert(Kind.SUBNET, this::subnet);
    LinkedHashMap<ResourceId, VirtualNetworkPeering> peerings = convert(Kind.PEERING, this::peering);
    LinkedHashMap<ResourceId, Raw> vnets = convert(Kind.VIRTUAL_NETWORK, r -> r);
    requireParents(Kind.SUBNET, vnets, "virtual network");
    requireParents(Kind.PEERING, vnets, "virtual network");
    for (Raw r : unique(Kind.VIRTUAL_NETWORK)) {
      Node p = r.props();
      VirtualNetwork.Builder b = VirtualNetwork.builder().id(r.id()).region(region(r.node()));
      b.addAllAddressSpace(prefixes(p.opt("addressSpace").map(a -> a.list("addressPrefixes")).orElse(List.of())));
      for (Node d : p.opt("dhcpOptions").map(o -> o.list("dnsServers")).orElse(List.of())) {
        b.addDnsServers(d.address());
      }
      b.addAllSubnets(childrenOf(subnetValues, r.id()));
      b.addAllVirtualNetworkPeerings(childrenOf(peerings, r.id()));
      VirtualNetwork v = r.node().parse(b::build);
      virtualNetworks.put(v.id(), v);
      v.subnets().forEach(s -> subnets.put(s.id(), s));
    }
  }

  private Subnet subnet(Raw r) {
    Node p = r.props();
    List<Node> given = new ArrayList<>();
    p.opt("addressPrefix").ifPresent(given::add);
    given.addAll(p.list("addressPrefixes"));
    List<Ipv4Prefix> v4 = prefixes(given);
    if (v4.isEmpty()) {
      throw r.props().child("addressPrefix").error(ErrorCode.INVALID_INPUT, "is required: subnet %s has no IPv4 prefix", r.id().name());
    }
    if (v4.stream().distinct().count() > 1) {
      throw r.props().child("addressPrefixes").error(ErrorCode.INVALID_INPUT, "holds %s; pgreach models one IPv4 prefix per subnet", v4);
    }
    Subnet.Builder b = Subnet.builder().id(r.id()).addressPrefix(v4.get(0));
    List<Node> delegations = p.list("delegations");
    if (delegations.size() > 1) {
      throw p.child("delegations").error(ErrorCode.INVALID_INPUT, "holds %d delegations; a subnet is delegated to one service", delegations.size());
    }
    for (Node d : delegations) {
      Node service = d.opt("properties").map(x -> x.req("serviceName")).orElseGet(() -> d.req("serviceName"));
      b.delegation(service.nonBlank());
    }
    p.opt("networkSecurityGroup").ifPresent(n -> b.networkSecurityGroup(reference(n.req("id"), NetworkSecurityGroup.RESOURCE_TYPE, groups, "network security group")));
    p.opt("routeTable").ifPresent(n -> b.routeTable(reference(n.req("id"), RouteTable.RESOURCE_TYPE, routeTables, "route table")));
    p.opt("privateEndpointNetworkPolicies").ifPresent(n -> b.privateEndpointNetworkPolicies(n.choice(PrivateEndpointNetworkPolicies.class, ArmReader::policyName)));
    return r.node().parse(b::build);
  }

  static String policyName(PrivateEndpointNetworkPolicies p) {
    switch (p) {
      case ENABLED:
        return "Enabled";
      case NETWORK_SECURITY_GROUP_ENABLED:
        return "NetworkSecurityGroupEnabled";
      case ROUTE_TABLE_ENABLED:
        return "RouteTableEnabled";
      default:
        return "Disabled";
    }
  }

  private VirtualNetworkPeering peering(Raw r) {
    Node p = r.props();
    VirtualNetworkPeering.Builder b =
        VirtualNetworkPeering.builder()
            .id(r.id())
            .remoteVirtualNetwork(p.req("remoteVirtualNetwork").req("id").resourceId(VirtualNetwork.RESOURCE_TYPE));
    p.optBool("allowVirtualNetworkAccess").ifPresent(b::allowVirtualNetworkAccess);
    p.optBool("allowForwardedTraffic").ifPresent(b::allowForwardedTraffic);
    p.optBool("allowGatewayTransit").ifPresent(b::allowGatewayTransit);
    p.optBool("useRemoteGateways").ifPresent(b::useRemoteGateways);
    return r.node().parse(b::build);
  }

  /** IPv4 prefixes; IPv6 prefixes are noted and left out. */
  private List<Ipv4Prefix> prefixes(List<Node> given) {
    List<Ipv4Prefix> out = new ArrayList<>();
    for (Node n : given) {
      String t = n.text();
      if (t.indexOf(':') >= 0) {
        notes.add(n.path() + ": an IPv6 prefix; pgreach models IPv4 only");
        continue;
      }
      out.add(n.parse(() -> Ipv4Prefix.parse(t)));
    }
    return out;
  }

  private static Region region(Node resource) {
    Node location = resource.req("location");
    String t = location.nonBlank();
    return location.parse(() -> Region.parse(t));
  }

  private void onPremisesNetworks() {
    LinkedHashMap<ResourceId, Raw> gatewaysRead = convert(Kind.LOCAL_GATEWAY, r -> r);
    Map<ResourceId, Node> entries = new LinkedHashMap<>();
    for (Node e : companion.list("onPremisesNetworks")) {
      e.requireObject().only("id", "name", "addressPrefixes", "dnsServers", "expressRouteCircuit");
      ResourceId id = target(e, OnPremisesNetwork.RESOURCE_TYPE, gatewaysRead.keySet(), "local network gateway", true);
      if (entries.put(id, e) != null) {
        throw e.error(ErrorCode.DUPLICATE_RESOURCE, "is a second entry for %s", id);
      }
    }
    for (Raw r : unique(Kind.LOCAL_GATEWAY)) {
      List<Node> prefixes = r.props().opt("localNetworkAddressSpace").map(a -> a.list("addressPrefixes")).orElse(List.of());
      onPremises.put(r.id(), onPremisesNetwork(r.id(), r.node(), prefixes, Optional.ofNullable(entries.remove(r.id()))));
    }
    for (Map.Entry<ResourceId, Node> e : entries.entrySet()) {
      onPremises.put(e.getKey(), onPremisesNetwork(e.getKey(), e.getValue(), List.of(), Optional.of(e.getValue())));
    }
  }

  private OnPremisesNetwork onPremisesNetwork(ResourceId id, Node at, List<Node> armPrefixes, Optional<Node> entry) {
    OnPremisesNetwork.Builder b = OnPremisesNetwork.builder().id(id).addAllAddressPrefixes(prefixes(armPrefixes));
    if (entry.isPresent()) {
      Node e = entry.get();
      b.addAllAddressPrefixes(prefixes(e.list("addressPrefixes")));
      for (Node d : e.list("dnsServers")) {
        b.addDnsServers(d.address());
      }
      e.opt("expressRouteCircuit").ifPresent(c -> circuits.put(c.resourceId("Microsoft.Network/expressRouteCircuits"), id));
    }
    return at.parse(b::build);
  }

  /**
   * The resource a companion entry is about: its {@code id}, or its {@code name} among the ARM
   * resources of that type.
   */
  private static ResourceId target(Node entry, String type, java.util.Collection<ResourceId> known, String what, boolean mayBeNew) {
    Optional<Node> id = entry.opt("id");
    Optional<Node> name = entry.opt("name");
    if (id.isPresent() == name.isPresent()) {
      throw entry.error(ErrorCode.INVALID_INPUT, "must name the %s by id or by name (one of them)", what);
    }
    if (id.isPresent()) {
      ResourceId r = id.get().resourceId(type);
      if (!mayBeNew && !known.contains(r)) {
        throw id.get().error(ErrorCode.DANGLING_REFERENCE, "names %s %s, which is not in the ARM input", what, r);
      }
      return r;
    }
    return byName(name.get(), known, what);
  }

  /** A resource by the last segment of its id, ignoring case; it must be the only one. */
  private static ResourceId byName(Node nameNode, java.util.Collection<ResourceId> known, String what) {
    String name = nameNode.nonBlank();
    List<ResourceId> found = known.stream().filter(k -> k.name().equalsIgnoreCase(name)).toList();
    if (found.isEmpty()) {
      throw nameNode.error(ErrorCode.DANGLING_REFERENCE, "names no %s in the ARM input", what);
    }
    if (found.size() > 1) {
      throw nameNode.error(ErrorCode.INVALID_INPUT, "names %d resources (%s); give the id", found.size(), found);
    }
    return found.get(0);
  }

  private void gateways() {
    for (Raw r : convert(Kind.GATEWAY, r -> r).values()) {
      Node p = r.props();
      List<ResourceId> vnets = new ArrayList<>();
      for (Node ipc : p.list("ipConfigurations")) {
        Node subnetId = ipc.objectOrEmpty("properties").req("subnet").req("id");
        ResourceId subnet = subnetId.resourceId(Subnet.RESOURCE_TYPE);
        ResourceId vnet = subnet.parent().orElseThrow();
        if (!virtualNetworks.containsKey(vnet)) {
          throw subnetId.error(ErrorCode.DANGLING_REFERENCE, "is in virtual network %s, which is not in the input", vnet);
        }
        if (!vnets.contains(vnet)) {
          vnets.add(vnet);
        }
      }
      if (vnets.size() != 1) {
        throw p.child("ipConfigurations").error(
            ErrorCode.INVALID_INPUT, "must place gateway %s in the GatewaySubnet of one virtual network, not %d", r.id().name(), vnets.size());
      }
      VirtualNetworkGateway.Builder b = VirtualNetworkGateway.builder().id(r.id()).virtualNetwork(vnets.get(0));
      p.opt("gatewayType").ifPresent(t -> b.gatewayType(t.choice(VirtualNetworkGateway.GatewayType.class, ArmReader::gatewayTypeName)));
      gateways.put(r.id(), r.node().parse(b::build));
    }
  }

  static String gatewayTypeName(VirtualNetworkGateway.GatewayType t) {
    return t == VirtualNetworkGateway.GatewayType.VPN ? "Vpn" : "ExpressRoute";
  }

  static String connectionTypeName(GatewayConnection.ConnectionType t) {
    switch (t) {
      case IPSEC:
        return "IPsec";
      case EXPRESS_ROUTE:
        return "ExpressRoute";
      default:
        return "Vnet2Vnet";
    }
  }

  private List<GatewayConnection> connections() {
    List<GatewayConnection> out = new ArrayList<>();
    LinkedHashMap<ResourceId, Optional<GatewayConnection>> read = convert(Kind.CONNECTION, this::connection);
    read.values().forEach(c -> c.ifPresent(out::add));
    return out;
  }

  private Optional<GatewayConnection> connection(Raw r) {
    Node p = r.props();
    Node typeNode = p.req("connectionType");
    if (typeNode.text().equalsIgnoreCase("VPNClient")) {
      notes.add(typeNode.path() + ": point-to-site connection " + r.id().name() + " is not modelled");
      return Optional.empty();
    }
    GatewayConnection.ConnectionType type = typeNode.choice(GatewayConnection.ConnectionType.class, ArmReader::connectionTypeName);
    GatewayConnection.Builder b =
        GatewayConnection.builder()
            .id(r.id())
            .connectionType(type)
            .virtualNetworkGateway(reference(p.req("virtualNetworkGateway1").req("id"), VirtualNetworkGateway.RESOURCE_TYPE, gateways, "virtual network gateway"));
    switch (type) {
      case VNET_TO_VNET:
        b.remote(reference(p.req("virtualNetworkGateway2").req("id"), VirtualNetworkGateway.RESOURCE_TYPE, gateways, "virtual network gateway"));
        break;
      case IPSEC:
        b.remote(reference(p.req("localNetworkGateway2").req("id"), OnPremisesNetwork.RESOURCE_TYPE, onPremises, "local network gateway"));
        break;
      default:
        if (p.has("localNetworkGateway2")) {
          b.remote(reference(p.req("localNetworkGateway2").req("id"), OnPremisesNetwork.RESOURCE_TYPE, onPremises, "local network gateway"));
        } else {
          Node peer = p.req("peer").req("id");
          ResourceId circuit = peer.resourceId("Microsoft.Network/expressRouteCircuits");
          ResourceId remote = circuits.get(circuit);
          if (remote == null) {
            notes.add(peer.path() + ": ExpressRoute circuit " + circuit.name()
                + " has no on-premises network in the companion document (onPremisesNetworks[].expressRouteCircuit); connection "
                + r.id().name() + " was left out");
            return Optional.empty();
          }
          b.remote(remote);
        }
        break;
    }
    return Optional.of(r.node().parse(b::build));
  }

  private void networkInterfaces() {
    for (Raw r : unique(Kind.NETWORK_INTERFACE)) {
      Node p = r.props();
      Optional<Node> endpoint = p.opt("privateEndpoint");
      Optional<Node> config = primaryConfiguration(p);
      if (endpoint.isPresent()) {
        ResourceId pe = endpoint.get().req("id").resourceId(PrivateEndpoint.RESOURCE_TYPE);
        config.flatMap(c -> c.objectOrEmpty("properties").opt("privateIPAddress")).ifPresent(a -> endpointInterfaceAddresses.put(pe, a.address()));
        continue;
      }
      if (config.isEmpty()) {
        throw p.child("ipConfigurations").error(ErrorCode.INVALID_INPUT, "is required: network interface %s has no IPv4 ip configuration", r.id().name());
      }
      p.opt("dnsSettings").flatMap(d -> d.requireObject().opt("dnsServers")).ifPresent(d -> interfaceDnsServers(r, d));
      Node c = config.get().objectOrEmpty("properties");
      NetworkInterface.Builder b =
          NetworkInterface.builder()
              .id(r.id())
              .subnet(reference(c.req("subnet").req("id"), Subnet.RESOURCE_TYPE, subnets, "subnet"))
              .privateAddress(c.req("privateIPAddress").address());
      c.opt("publicIPAddress").ifPresent(pip -> {
        Node idNode = pip.req("id");
        ResourceId id = idNode.resourceId(Kind.PUBLIC_IP_ADDRESS.type);
        Optional<Ipv4Address> address = publicAddresses.getOrDefault(id, Optional.empty());
        if (address.isEmpty()) {
          notes.add(idNode.path() + ": public IP address " + id.name() + " is not in the input or has no address; network interface "
              + r.id().name() + " is read without a public address");
        }
        address.ifPresent(b::publicAddress);
      });
      p.opt("networkSecurityGroup").ifPresent(n -> b.networkSecurityGroup(reference(n.req("id"), NetworkSecurityGroup.RESOURCE_TYPE, groups, "network security group")));
      p.optBool("enableIPForwarding").ifPresent(b::enableIpForwarding);
      NetworkInterface nic = r.node().parse(b::build);
      NetworkInterface previous = interfaces.putIfAbsent(nic.id(), nic);
      if (previous != null && !previous.equals(nic)) {
        throw r.node().error(ErrorCode.DUPLICATE_RESOURCE, "lists %s a second time, with other properties", nic.id());
      }
    }
  }

  /**
   * Notes an interface's own DNS servers, which pgreach does not model: its host is taken to use
   * its virtual network's.
   */
  private void interfaceDnsServers(Raw r, Node dnsServers) {
    List<Node> given = dnsServers.elements();
    if (given.isEmpty()) {
      return;
    }
    List<String> shown = new ArrayList<>();
    given.forEach(n -> shown.add(n.isText() ? n.text() : Json.show(n.json())));
    notes.add(dnsServers.path() + ": network interface " + r.id().name() + " sets its own DNS servers (" + String.join(", ", shown)
        + "), which pgreach does not model; its host is taken to use the DNS servers of its virtual network");
  }

  /** The primary IPv4 ip configuration, else the first IPv4 one. */
  private static Optional<Node> primaryConfiguration(Node p) {
    List<Node> v4 = new ArrayList<>();
    for (Node c : p.list("ipConfigurations")) {
      Node cp = c.objectOrEmpty("properties");
      if (cp.optText("privateIPAddressVersion").map(v -> v.equalsIgnoreCase("IPv6")).orElse(false)) {
        continue;
      }
      v4.add(c);
    }
    return v4.stream().filter(c -> c.objectOrEmpty("properties").optBool("primary").orElse(false)).findFirst().or(() -> v4.stream().findFirst());
  }

  // ================================================================== servers

  private void servers() {
    LinkedHashMap<ResourceId, String[]> parameters = convert(Kind.CONFIGURATION, r -> new String[] {r.id().name(), r.props().optText("value").orElse("")});
    LinkedHashMap<ResourceId, Raw> read = convert(Kind.SERVER, r -> r);
    requireParents(Kind.CONFIGURATION, read, "flexible server");
    Map<ResourceId, List<Raw>> configurations = uniqueByParent(Kind.CONFIGURATION);
    for (Node e : companion.list("servers")) {
      e.requireObject().only("id", "name", "privateAddress", "publicAddress", "publicEndpointLabel", "parameters", "firewallRules", "removedFirewallRules");
      ResourceId id = target(e, FlexibleServer.RESOURCE_TYPE, read.keySet(), "flexible server", false);
      if (serverEntries.put(id, e) != null) {
        throw e.error(ErrorCode.DUPLICATE_RESOURCE, "is a second entry for %s", id);
      }
    }
    for (Raw r : unique(Kind.SERVER)) {
      FlexibleServer.Builder b = FlexibleServer.builder().id(r.id()).region(region(r.node()));
      Node p = r.props();
      p.opt("version").ifPresent(v -> b.version(v.isText() ? v.nonBlank() : Long.toString(v.integer(0, 1_000))));
      r.node().opt("sku").flatMap(s -> s.opt("tier")).ifPresent(t -> b.tier(t.choice(ServerTier.class, ArmReader::tierName)));
      Optional<Node> ha = p.opt("highAvailability").flatMap(h -> h.opt("mode"));
      if (ha.isPresent()) {
        b.highAvailability(ha.get().choice(HighAvailabilityMode.class, ArmReader::haName));
      } else {
        p.opt("haEnabled").ifPresent(h -> b.highAvailability(h.text().equalsIgnoreCase("Enabled") ? HighAvailabilityMode.ZONE_REDUNDANT : HighAvailabilityMode.DISABLED));
      }
      p.opt("network").ifPresent(n -> {
        n.opt("delegatedSubnetResourceId").filter(x -> !x.text().isEmpty()).ifPresent(s -> b.delegatedSubnet(reference(s, Subnet.RESOURCE_TYPE, subnets, "subnet")));
        n.opt("privateDnsZoneArmResourceId").filter(x -> !x.text().isEmpty()).ifPresent(z -> b.privateDnsZone(z.resourceId(PrivateDnsZone.RESOURCE_TYPE)));
        n.opt("publicNetworkAccess").ifPresent(a -> b.publicNetworkAccess(a.choice(PublicNetworkAccess.class, ArmReader::accessName)));
      });
      Optional<Node> role = p.opt("replicationRole").or(() -> p.opt("replica").flatMap(x -> x.opt("role")));
      role.ifPresent(x -> b.replicationRole(x.choice(ReplicationRole.class, ArmReader::roleName)));
      p.opt("createMode").ifPresent(m -> b.createMode(createMode(m)));
      p.opt("sourceServerResourceId").filter(x -> !x.text().isEmpty()).ifPresent(s -> b.sourceServer(s.resourceId(FlexibleServer.RESOURCE_TYPE)));
      // Server parameters: ARM configurations first, the companion's override them.
      Map<String, Map.Entry<Node, String>> settings = new LinkedHashMap<>();
      for (Raw c : configurations.getOrDefault(r.id(), List.of())) {
        String[] nv = parameters.get(c.id());
        settings.put(nv[0].toLowerCase(Locale.ROOT), Map.entry(c.props().child("value"), nv[1]));
      }
      Optional<Node> entry = Optional.ofNullable(serverEntries.get(r.id()));
      if (entry.isPresent()) {
        Node e = entry.get();
        e.opt("privateAddress").ifPresent(a -> b.privateAddress(a.address()));
        e.opt("publicAddress").ifPresent(a -> b.publicAddress(a.address()));
        e.opt("parameters").ifPresent(ps -> ps.requireObject().members().forEach(m -> {
          Node v = m.getValue();
          String text = v.isText() ? v.text() : Boolean.toString(v.bool());
          settings.put(m.getKey().toLowerCase(Locale.ROOT), Map.entry(v, text));
        }));
      }
      settings.forEach((name, value) -> parameter(b, name, value.getKey(), value.getValue()));
      servers.put(r.id(), r.node().parse(b::build));
    }
  }

  /** Applies one server parameter pgreach models; others are ignored. */
  private static void parameter(FlexibleServer.Builder b, String name, Node at, String value) {
    switch (name.toLowerCase(Locale.ROOT)) {
      case "require_secure_transport":
        b.requireSecureTransport(onOff(at, value));
        break;
      case "ssl_min_protocol_version":
        b.sslMinProtocolVersion(at.parse(() -> TlsVersion.parse(value)));
        break;
      case "ssl_max_protocol_version":
        if (!value.isBlank()) {
          b.sslMaxProtocolVersion(at.parse(() -> TlsVersion.parse(value)));
        }
        break;
      case "pgbouncer.enabled":
        b.pgBouncerEnabled(onOff(at, value));
        break;
      default:
        break;
    }
  }

  private static boolean onOff(Node at, String value) {
    switch (value.strip().toLowerCase(Locale.ROOT)) {
      case "on":
      case "true":
        return true;
      case "off":
      case "false":
        return false;
      default:
        throw at.error(ErrorCode.INVALID_INPUT, "must be on or off");
    }
  }

  static String tierName(ServerTier t) {
    switch (t) {
      case BURSTABLE:
        return "Burstable";
      case MEMORY_OPTIMIZED:
        return "MemoryOptimized";
      default:
        return "GeneralPurpose";
    }
  }

  static String haName(HighAvailabilityMode m) {
    switch (m) {
      case SAME_ZONE:
        return "SameZone";
      case ZONE_REDUNDANT:
        return "ZoneRedundant";
      default:
        return "Disabled";
    }
  }

  static String accessName(PublicNetworkAccess a) {
    return a == PublicNetworkAccess.ENABLED ? "Enabled" : "Disabled";
  }

  static String roleName(ReplicationRole r) {
    switch (r) {
      case PRIMARY:
        return "Primary";
      case ASYNC_REPLICA:
        return "AsyncReplica";
      case GEO_ASYNC_REPLICA:
        return "GeoAsyncReplica";
      default:
        return "None";
    }
  }

  static String createModeName(CreateMode m) {
    switch (m) {
      case POINT_IN_TIME_RESTORE:
        return "PointInTimeRestore";
      case GEO_RESTORE:
        return "GeoRestore";
      case REPLICA:
        return "Replica";
      case REVIVE_DROPPED:
        return "ReviveDropped";
      default:
        return "Default";
    }
  }

  private static CreateMode createMode(Node m) {
    String t = m.text();
    if (t.equalsIgnoreCase("Create") || t.equalsIgnoreCase("Update")) {
      return CreateMode.DEFAULT;
    }
    return m.choice(CreateMode.class, ArmReader::createModeName);
  }

  private Map<ResourceId, FirewallRuleSet> firewallRules() {
    LinkedHashMap<ResourceId, FirewallRule> rules = convert(Kind.FIREWALL_RULE, this::firewallRule);
    requireParents(Kind.FIREWALL_RULE, servers, "flexible server");
    Map<ResourceId, List<Raw>> byServer = uniqueByParent(Kind.FIREWALL_RULE);
    Map<ResourceId, FirewallRuleSet> out = new LinkedHashMap<>();
    for (FlexibleServer s : servers.values()) {
      List<FirewallRule> own = new ArrayList<>();
      Map<String, Raw> names = new HashMap<>();
      for (Raw r : byServer.getOrDefault(s.id(), List.of())) {
        Raw same = names.put(r.id().name().toLowerCase(Locale.ROOT), r);
        if (same != null) {
          throw r.node().error(ErrorCode.DUPLICATE_RESOURCE, "is a second firewall rule named %s on %s (also %s)", r.id().name(), s.name(), same.node().path());
        }
        own.add(rules.get(r.id()));
      }
      List<FirewallRuleRemoval> removals = new ArrayList<>();
      Node entry = serverEntries.get(s.id());
      if (entry != null) {
        for (Map.Entry<String, Node> m : entry.opt("firewallRules").map(Node::requireObject).map(Node::members).orElse(List.of())) {
          Node change = m.getValue().requireObject().only("changedAt");
          int index = -1;
          for (int i = 0; i < own.size(); i++) {
            if (own.get(i).name().equalsIgnoreCase(m.getKey())) {
              index = i;
            }
          }
          if (index < 0) {
            throw m.getValue().error(ErrorCode.DANGLING_REFERENCE, "names firewall rule %s, which server %s does not have in the ARM input", m.getKey(), s.name());
          }
          FirewallRule rule = own.get(index);
          own.set(index, change.opt("changedAt").map(c -> rule.withChangedAt(c.instant())).orElse(rule));
        }
        for (Node r : entry.list("removedFirewallRules")) {
          r.requireObject().only("name", "startIpAddress", "endIpAddress", "removedAt");
          String name = r.req("name").nonBlank();
          Ipv4Address start = r.req("startIpAddress").address();
          Ipv4Address end = r.req("endIpAddress").address();
          Instant at = r.req("removedAt").instant();
          removals.add(r.parse(() -> new FirewallRuleRemoval(name, dev.pgreach.core.Ipv4Range.of(start, end), at)));
        }
      }
      if (!own.isEmpty() || !removals.isEmpty()) {
        Node at = entry == null ? arm : entry;
        out.put(s.id(), at.parse(() -> FirewallRuleSet.of(own, removals)));
      }
    }
    return out;
  }

  private FirewallRule firewallRule(Raw r) {
    Node p = r.props();
    Ipv4Address start = p.req("startIpAddress").address();
    Ipv4Address end = p.req("endIpAddress").address();
    return r.node().parse(() -> FirewallRule.builder().name(r.id().name()).startIpAddress(start).endIpAddress(end).build());
  }

  // ================================================================== DNS

  private void privateDnsZones() {
    LinkedHashMap<ResourceId, VirtualNetworkLink> links = convert(Kind.ZONE_LINK, this::link);
    LinkedHashMap<ResourceId, List<DnsRecord>> records = convert(Kind.A_RECORDS, this::aRecords);
    LinkedHashMap<ResourceId, List<DnsRecord>> cnames = convert(Kind.CNAME_RECORD, this::cnameRecord);
    LinkedHashMap<ResourceId, Raw> read = convert(Kind.PRIVATE_DNS_ZONE, r -> r);
    requireParents(Kind.ZONE_LINK, read, "private DNS zone");
    requireParents(Kind.A_RECORDS, read, "private DNS zone");
    requireParents(Kind.CNAME_RECORD, read, "private DNS zone");
    // Record sets in document order, A and CNAME together.
    List<Raw> sets = new ArrayList<>(unique(Kind.A_RECORDS));
    sets.addAll(unique(Kind.CNAME_RECORD));
    sets.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
    Map<ResourceId, List<Raw>> setsByZone = new HashMap<>();
    sets.forEach(set -> setsByZone.computeIfAbsent(set.parent(), k -> new ArrayList<>()).add(set));
    for (Raw r : unique(Kind.PRIVATE_DNS_ZONE)) {
      PrivateDnsZone.Builder b = PrivateDnsZone.builder().id(r.id());
      for (Raw set : setsByZone.getOrDefault(r.id(), List.of())) {
        b.addAllRecords((set.kind() == Kind.A_RECORDS ? records : cnames).get(set.id()));
      }
      b.addAllVirtualNetworkLinks(childrenOf(links, r.id()));
      zones.put(r.id(), r.node().parse(b::build));
    }
  }

  private VirtualNetworkLink link(Raw r) {
    Node p = r.props();
    VirtualNetworkLink.Builder b =
        VirtualNetworkLink.builder().id(r.id()).virtualNetwork(p.req("virtualNetwork").req("id").resourceId(VirtualNetwork.RESOURCE_TYPE));
    p.optBool("registrationEnabled").ifPresent(b::registrationEnabled);
    p.opt("resolutionPolicy").ifPresent(x -> b.resolutionPolicy(x.choice(ResolutionPolicy.class, ArmReader::resolutionPolicyName)));
    return r.node().parse(b::build);
  }

  static String resolutionPolicyName(ResolutionPolicy p) {
    return p == ResolutionPolicy.NX_DOMAIN_REDIRECT ? "NxDomainRedirect" : "Default";
  }

  private static Optional<Duration> ttl(Node p) {
    return p.opt("ttl").map(t -> Duration.ofSeconds(t.integer(0, Integer.MAX_VALUE)));
  }

  private static RecordName recordName(Raw r) {
    String name = r.id().name();
    return r.node().parse(() -> RecordName.parse(name));
  }

  private List<DnsRecord> aRecords(Raw r) {
    Node p = r.props();
    RecordName name = recordName(r);
    Optional<Duration> ttl = ttl(p);
    List<DnsRecord> out = new ArrayList<>();
    for (Node a : p.list("aRecords")) {
      Ipv4Address address = a.req("ipv4Address").address();
      out.add(a.parse(() -> new DnsRecord.A(name, address, ttl)));
    }
    return out;
  }

  private List<DnsRecord> cnameRecord(Raw r) {
    Node p = r.props();
    RecordName name = recordName(r);
    Node target = p.req("cnameRecord").req("cname");
    String text = target.nonBlank();
    DnsName dnsName = target.parse(() -> DnsName.parse(text));
    Optional<Duration> ttl = ttl(p);
    return List.of(r.node().parse(() -> new DnsRecord.Cname(name, dnsName, ttl)));
  }

  private List<DnsServer> inboundEndpoints() {
    convert(Kind.DNS_RESOLVER, r -> r);
    List<DnsServer> out = new ArrayList<>();
    for (DnsServer s : convert(Kind.INBOUND_ENDPOINT, this::inboundEndpoint).values()) {
      out.add(s);
    }
    return out;
  }

  private DnsServer inboundEndpoint(Raw r) {
    List<Node> configs = r.props().list("ipConfigurations");
    if (configs.size() != 1) {
      throw r.props().child("ipConfigurations").error(ErrorCode.INVALID_INPUT, "must hold one ip configuration, not %d", configs.size());
    }
    Node c = configs.get(0).has("subnet") ? configs.get(0) : configs.get(0).objectOrEmpty("properties");
    ResourceId subnet = reference(c.req("subnet").req("id"), Subnet.RESOURCE_TYPE, subnets, "subnet");
    Ipv4Address address = c.req("privateIpAddress").address();
    return r.node().parse(
        () ->
            DnsServer.builder()
                .id(r.id())
                .kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT)
                .location(ClientLocation.InVirtualNetwork.of(subnet, address))
                .build());
  }

  private List<DnsServer> companionDnsServers() {
    List<DnsServer> out = new ArrayList<>();
    for (Node d : companion.list("dnsServers")) {
      d.requireObject().only("id", "name", "location", "forwarders", "conditionalForwarders");
      ClientLocation location = location(d.req("location"));
      ResourceId id;
      Optional<Node> idNode = d.opt("id");
      if (idNode.isPresent() == d.has("name")) {
        throw d.error(ErrorCode.INVALID_INPUT, "must give the DNS server an id or a name (one of them)");
      }
      if (idNode.isPresent()) {
        id = idNode.get().resourceId();
      } else {
        Node name = d.req("name");
        String n = name.nonBlank();
        ResourceId home =
            location instanceof ClientLocation.InVirtualNetwork
                ? ((ClientLocation.InVirtualNetwork) location).subnet().parent().orElseThrow()
                : location instanceof ClientLocation.OnPremises ? ((ClientLocation.OnPremises) location).network() : null;
        if (home == null) {
          throw d.child("location").error(ErrorCode.INVALID_INPUT, "must be in a subnet or on an on-premises network for a DNS server");
        }
        id = name.parse(() -> home.child("dnsServers", n));
      }
      requireInside(d.req("location"), location);
      DnsServer.Builder b = DnsServer.builder().id(id).location(location);
      for (Node f : d.list("forwarders")) {
        b.addForwarders(f.address());
      }
      for (Node f : d.list("conditionalForwarders")) {
        f.requireObject().only("domain", "targets");
        Node domain = f.req("domain");
        String text = domain.nonBlank();
        DnsName name = domain.parse(() -> DnsName.parse(text));
        List<Ipv4Address> targets = new ArrayList<>();
        for (Node t : f.list("targets")) {
          targets.add(t.address());
        }
        b.addConditionalForwarders(f.parse(() -> new ConditionalForwarder(name, ImmutableList.copyOf(targets))));
      }
      out.add(d.parse(b::build));
    }
    return out;
  }

  /** A DNS server's address must be inside its subnet or on-premises network. */
  private void requireInside(Node at, ClientLocation location) {
    if (location instanceof ClientLocation.InVirtualNetwork) {
      Subnet subnet = subnets.get(((ClientLocation.InVirtualNetwork) location).subnet());
      if (!subnet.addressPrefix().contains(location.address())) {
        throw at.error(ErrorCode.INVALID_VALUE, "puts %s outside subnet %s (%s)", location.address(), subnet.name(), subnet.addressPrefix());
      }
    } else if (location instanceof ClientLocation.OnPremises) {
      OnPremisesNetwork o = onPremises.get(((ClientLocation.OnPremises) location).network());
      if (!o.addresses().contains(location.address())) {
        throw at.error(ErrorCode.INVALID_VALUE, "puts %s outside the prefixes of on-premises network %s (%s)", location.address(), o.name(), o.addressPrefixes());
      }
    }
  }

  // ================================================================== private endpoints

  private List<PrivateEndpoint> privateEndpoints() {
    // Endpoints of other services (storage accounts, key vaults ...) are counted as skipped.
    Map<ResourceId, Boolean> toServers = new LinkedHashMap<>();
    for (Raw r : unique(Kind.PRIVATE_ENDPOINT)) {
      ResourceId target = endpointConnection(r).req("privateLinkServiceId").resourceId();
      toServers.put(r.id(), target.isOfType(FlexibleServer.RESOURCE_TYPE));
      if (!target.isOfType(FlexibleServer.RESOURCE_TYPE)) {
        String type = PrivateEndpoint.RESOURCE_TYPE + " to " + target.type();
        skippedNames.putIfAbsent(type.toLowerCase(Locale.ROOT), type);
        skippedCounts.merge(type.toLowerCase(Locale.ROOT), 1, Integer::sum);
        resourceCount--;
      }
    }
    requireParents(Kind.ZONE_GROUP, toServers, "private endpoint");
    LinkedHashMap<ResourceId, List<ResourceId>> zoneGroups =
        convert(Kind.ZONE_GROUP, r -> toServers.get(r.parent()) ? zoneGroup(r) : null);
    zoneGroupsByEndpoint.putAll(uniqueByParent(Kind.ZONE_GROUP));
    Map<ResourceId, Node> entries = new HashMap<>();
    for (Node e : companion.list("privateEndpoints")) {
      e.requireObject().only("id", "name", "requestingTenant", "connectionState");
      ResourceId id = target(e, PrivateEndpoint.RESOURCE_TYPE, toServers.keySet(), "private endpoint", false);
      if (!toServers.get(id)) {
        throw e.error(ErrorCode.INVALID_INPUT, "names private endpoint %s, which does not connect to a flexible server", id);
      }
      if (entries.put(id, e) != null) {
        throw e.error(ErrorCode.DUPLICATE_RESOURCE, "is a second entry for %s", id);
      }
    }
    LinkedHashMap<ResourceId, PrivateEndpoint> read =
        convert(Kind.PRIVATE_ENDPOINT, r -> toServers.get(r.id()) ? privateEndpoint(r, zoneGroups, entries) : null);
    return new ArrayList<>(read.values());
  }

  /** The one connection of an endpoint, automatic or manual. */
  private static Node endpointConnection(Raw r) {
    Node p = r.props();
    List<Node> automatic = p.list("privateLinkServiceConnections");
    List<Node> manual = p.list("manualPrivateLinkServiceConnections");
    if (automatic.size() + manual.size() != 1) {
      throw p.child("privateLinkServiceConnections").error(
          ErrorCode.INVALID_INPUT, "must hold one connection (automatic or manual), not %d", automatic.size() + manual.size());
    }
    return (automatic.isEmpty() ? manual : automatic).get(0).objectOrEmpty("properties");
  }

  private List<ResourceId> zoneGroup(Raw r) {
    List<ResourceId> out = new ArrayList<>();
    for (Node c : r.props().list("privateDnsZoneConfigs")) {
      Node zone = c.objectOrEmpty("properties").opt("privateDnsZoneId").orElseGet(() -> c.req("privateDnsZoneId"));
      out.add(reference(zone, PrivateDnsZone.RESOURCE_TYPE, zones, "private DNS zone"));
    }
    return out;
  }

  private PrivateEndpoint privateEndpoint(Raw r, LinkedHashMap<ResourceId, List<ResourceId>> zoneGroups, Map<ResourceId, Node> entries) {
    Node p = r.props();
    boolean automatic = !p.list("privateLinkServiceConnections").isEmpty();
    Node c = endpointConnection(r);
    Node targetNode = c.req("privateLinkServiceId");
    ResourceId target = targetNode.resourceId();
    reference(targetNode, FlexibleServer.RESOURCE_TYPE, servers, "flexible server");
    PrivateEndpoint.Builder b =
        PrivateEndpoint.builder()
            .id(r.id())
            .region(region(r.node()))
            .subnet(reference(p.req("subnet").req("id"), Subnet.RESOURCE_TYPE, subnets, "subnet"))
            .privateAddress(endpointAddress(r, p))
            .targetServer(target);
    List<Node> groupIds = c.list("groupIds");
    if (!groupIds.isEmpty()) {
      b.groupId(groupIds.get(0).nonBlank());
    }
    b.connectionState(connectionState(r, c, target, automatic, Optional.ofNullable(entries.get(r.id()))));
    List<Raw> groupsOfThis = zoneGroupsByEndpoint.getOrDefault(r.id(), List.of());
    if (groupsOfThis.size() > 1) {
      throw groupsOfThis.get(1).node().error(ErrorCode.INVALID_INPUT, "is a second DNS zone group of %s; an endpoint has one", r.id().name());
    }
    groupsOfThis.forEach(g -> b.addAllPrivateDnsZones(zoneGroups.get(g.id())));
    Optional.ofNullable(entries.get(r.id())).flatMap(e -> e.opt("requestingTenant")).ifPresent(t -> b.requestingTenant(t.nonBlank()));
    return r.node().parse(b::build);
  }

  /**
   * An endpoint's connection state: the companion's {@code connectionState}, else the status the
   * endpoint's connection gives, else the status the server's {@code privateEndpointConnections}
   * give for this endpoint, else Pending, with a note. Approval is automatic only when whoever
   * creates the endpoint holds the server's approval permission, which the input does not say, so
   * a connection without a status is never taken to be Approved.
   */
  private PrivateEndpointConnectionState connectionState(Raw r, Node connection, ResourceId server, boolean automatic, Optional<Node> entry) {
    Optional<Node> given = entry.flatMap(e -> e.opt("connectionState"));
    if (given.isPresent()) {
      return given.get().choice(PrivateEndpointConnectionState.class, ArmReader::stateName);
    }
    Optional<Node> status = connection.opt("privateLinkServiceConnectionState").flatMap(s -> s.opt("status"));
    if (status.isEmpty()) {
      status = serverSideStatus(r.id(), server);
    }
    if (status.isPresent()) {
      return status.get().choice(PrivateEndpointConnectionState.class, ArmReader::stateName);
    }
    notes.add(connection.path() + ".privateLinkServiceConnectionState.status: the " + (automatic ? "" : "manual ") + "connection of private endpoint "
        + r.id().name() + " to server " + server.name() + " gives no status, so it is read as Pending; approval is automatic only when whoever"
        + " creates the endpoint holds the server's private endpoint connection approval permission, which the input does not say"
        + " (give privateEndpoints[].connectionState in the companion document)");
    return PrivateEndpointConnectionState.PENDING;
  }

  /** The status a server's {@code privateEndpointConnections} give for one endpoint, if the server lists it. */
  private Optional<Node> serverSideStatus(ResourceId endpoint, ResourceId server) {
    for (Raw s : unique(Kind.SERVER)) {
      if (!s.id().equals(server)) {
        continue;
      }
      for (Node c : s.props().list("privateEndpointConnections")) {
        Node cp = c.requireObject().objectOrEmpty("properties");
        Optional<Node> id = cp.opt("privateEndpoint").flatMap(x -> x.opt("id"));
        if (id.isPresent() && id.get().resourceId().equals(endpoint)) {
          Optional<Node> status = cp.opt("privateLinkServiceConnectionState").flatMap(x -> x.opt("status"));
          if (status.isPresent()) {
            return status;
          }
        }
      }
    }
    return Optional.empty();
  }

  /** From a static ip configuration, the custom DNS configuration, or the endpoint's network interface. */
  private Ipv4Address endpointAddress(Raw r, Node p) {
    List<Node> configs = p.list("ipConfigurations");
    for (Node c : configs) {
      Node cp = c.objectOrEmpty("properties");
      boolean ours = cp.optText("groupId").map(g -> g.equalsIgnoreCase(PrivateEndpoint.GROUP_ID)).orElse(true);
      Optional<Node> a = cp.opt("privateIPAddress");
      if (ours && a.isPresent()) {
        return a.get().address();
      }
    }
    for (Node d : p.list("customDnsConfigs")) {
      for (Node a : d.list("ipAddresses")) {
        if (a.text().indexOf(':') < 0) {
          return a.address();
        }
      }
    }
    Ipv4Address viaInterface = endpointInterfaceAddresses.get(r.id());
    if (viaInterface != null) {
      return viaInterface;
    }
    throw r.props().child("ipConfigurations").error(
        ErrorCode.INVALID_INPUT,
        "gives no private address for %s: expected ipConfigurations[].properties.privateIPAddress, customDnsConfigs[].ipAddresses, or the endpoint's network interface in the input",
        r.id().name());
  }

  static String stateName(PrivateEndpointConnectionState s) {
    switch (s) {
      case PENDING:
        return "Pending";
      case REJECTED:
        return "Rejected";
      case DISCONNECTED:
        return "Disconnected";
      default:
        return "Approved";
    }
  }

  // ================================================================== clients and the rest

  private List<Client> clients() {
    List<Client> out = new ArrayList<>();
    java.util.Set<String> names = new java.util.HashSet<>();
    for (Node c : companion.list("clients")) {
      c.requireObject().only("name", "location", "tls");
      String name = c.req("name").nonBlank();
      if (!names.add(name)) {
        throw c.req("name").error(ErrorCode.DUPLICATE_RESOURCE, "is the name of another client too");
      }
      Client.Builder b = Client.builder().name(name).location(location(c.req("location")));
      c.opt("tls").ifPresent(t -> b.tlsVersions(tls(t)));
      out.add(c.parse(b::build));
    }
    return out;
  }

  /** A list of TLS versions, or {@code "none"} for a client without TLS. */
  static ImmutableSet<TlsVersion> tls(Node t) {
    if (t.isText()) {
      if (t.text().equalsIgnoreCase("none")) {
        return ImmutableSet.of();
      }
      throw t.error(ErrorCode.INVALID_INPUT, "must be a list of TLS versions such as [\"TLSv1.2\", \"TLSv1.3\"], or \"none\"");
    }
    ImmutableSet.Builder<TlsVersion> b = ImmutableSet.builder();
    for (Node v : t.elements()) {
      String text = v.text();
      b.add(v.parse(() -> TlsVersion.parse(text)));
    }
    return b.build();
  }

  /** A place, as the companion document writes it. */
  private ClientLocation location(Node l) {
    l.requireObject();
    List<String> kinds = new ArrayList<>();
    for (String k : new String[] {"nic", "subnet", "onPremises", "internet", "azure"}) {
      if (l.has(k)) {
        kinds.add(k);
      }
    }
    if (kinds.contains("subnet")) {
      kinds.remove("nic");
    }
    if (kinds.size() != 1) {
      throw l.error(ErrorCode.INVALID_INPUT, "must hold exactly one of nic, subnet, onPremises, internet or azure, not %s", kinds);
    }
    Optional<Ipv4Address> outbound = l.opt("outboundPublicAddress").map(ArmReader::publicAddress);
    switch (kinds.get(0)) {
      case "nic": {
        l.only("nic", "outboundPublicAddress");
        NetworkInterface nic = network.networkInterface(find(l.req("nic"), NetworkInterface.RESOURCE_TYPE, interfaces.keySet(), "network interface")).orElseThrow();
        return l.parse(() -> new ClientLocation.InVirtualNetwork(nic.subnet(), nic.privateAddress(), outbound, Optional.of(nic.id())));
      }
      case "subnet": {
        l.only("subnet", "address", "outboundPublicAddress", "nic");
        ResourceId subnet = findSubnet(l.req("subnet"));
        Optional<ResourceId> nic = l.opt("nic").map(n -> find(n, NetworkInterface.RESOURCE_TYPE, interfaces.keySet(), "network interface"));
        Ipv4Address address = l.req("address").address();
        return l.parse(() -> new ClientLocation.InVirtualNetwork(subnet, address, outbound, nic));
      }
      case "onPremises": {
        l.only("onPremises", "address", "outboundPublicAddress");
        ResourceId network = find(l.req("onPremises"), OnPremisesNetwork.RESOURCE_TYPE, onPremises.keySet(), "on-premises network");
        Ipv4Address address = l.req("address").address();
        return l.parse(() -> new ClientLocation.OnPremises(network, address, outbound));
      }
      case "internet": {
        l.only("internet");
        Ipv4Address address = publicAddress(l.req("internet"));
        return l.parse(() -> new ClientLocation.Internet(address));
      }
      default: {
        l.only("azure", "tenant");
        String tenant = l.opt("tenant").map(Node::nonBlank).orElse(UNKNOWN_TENANT);
        Ipv4Address address = publicAddress(l.req("azure"));
        return l.parse(() -> new ClientLocation.AzureHosted(address, tenant));
      }
    }
  }

  /**
   * An address that must be public: where an internet host or an Azure service sits, or where a
   * host's traffic to the internet leaves from.
   */
  private static Ipv4Address publicAddress(Node n) {
    Ipv4Address a = n.address();
    if (!a.isPublic()) {
      throw n.error(
          ErrorCode.INVALID_VALUE,
          "must be a public address; private, shared, loopback, link-local, multicast and reserved addresses are not seen on the internet");
    }
    return a;
  }

  /** A resource by id or by name. */
  private static ResourceId find(Node ref, String type, java.util.Collection<ResourceId> known, String what) {
    String t = ref.nonBlank();
    if (t.startsWith("/")) {
      ResourceId id = ref.resourceId(type);
      if (!known.contains(id)) {
        throw ref.error(ErrorCode.DANGLING_REFERENCE, "names %s %s, which is not in the ARM input", what, id);
      }
      return id;
    }
    return byName(ref, known, what);
  }

  /** A subnet by id, or as {@code vnet/subnet}. */
  private ResourceId findSubnet(Node ref) {
    String t = ref.nonBlank();
    if (t.startsWith("/")) {
      return find(ref, Subnet.RESOURCE_TYPE, subnets.keySet(), "subnet");
    }
    int slash = t.indexOf('/');
    if (slash <= 0 || slash != t.lastIndexOf('/') || slash == t.length() - 1) {
      throw ref.error(ErrorCode.INVALID_INPUT, "must be a subnet id or virtual-network/subnet");
    }
    String vnet = t.substring(0, slash);
    String name = t.substring(slash + 1);
    List<ResourceId> found =
        subnets.keySet().stream()
            .filter(s -> s.name().equalsIgnoreCase(name) && s.parent().orElseThrow().name().equalsIgnoreCase(vnet))
            .toList();
    if (found.size() != 1) {
      throw ref.error(found.isEmpty() ? ErrorCode.DANGLING_REFERENCE : ErrorCode.INVALID_INPUT, found.isEmpty() ? "names no subnet in the ARM input" : "names several subnets; give the id");
    }
    return found.get(0);
  }

  private void companionEstateExtras(Estate.Builder estate) {
    for (Map.Entry<ResourceId, Node> e : serverEntries.entrySet()) {
      Optional<Node> label = e.getValue().opt("publicEndpointLabel");
      if (label.isPresent()) {
        String text = label.get().nonBlank();
        DnsName parsed = label.get().parse(() -> DnsName.parse(text));
        if (parsed.labelCount() != 1) {
          throw label.get().error(ErrorCode.INVALID_DNS_NAME, "must be one DNS label, such as rs-0123456789abcdef0123456789abcd");
        }
        estate.putPublicEndpointLabels(ServerName.parse(e.getKey().name()), parsed);
      }
    }
    Optional<Node> azure = companion.opt("azureRanges");
    if (azure.isPresent()) {
      estate.azureRanges(ranges(azure.get()));
    }
    for (Map.Entry<String, Node> tag : companion.opt("serviceTagRanges").map(Node::requireObject).map(Node::members).orElse(List.of())) {
      estate.putServiceTagRanges(tag.getKey(), ranges(tag.getValue()));
    }
    for (Node n : companion.list("droppedServersWithPrivateEndpoints")) {
      String text = n.text();
      estate.addDroppedServersWithPrivateEndpoints(n.parse(() -> ServerName.parse(text)));
    }
  }

  /** Addresses, prefixes and ranges, as a list of strings. */
  private static AddressSet ranges(Node list) {
    AddressSet.Builder b = AddressSet.builder();
    for (Node n : list.elements()) {
      String text = n.text();
      b.add(n.parse(() -> AddressSet.parse(text)));
    }
    return b.build();
  }
}
