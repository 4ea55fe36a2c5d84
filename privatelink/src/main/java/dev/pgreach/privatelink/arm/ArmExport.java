package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Coverage;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.CreateMode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServerSetting;
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
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleRemoval;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnection;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An estate written as Azure Resource Manager JSON and a {@link Companion companion document},
 * such that {@link ArmImport#read(String, Companion)} reads back an equal estate.
 *
 * <p>The resources are written as a JSON array in the shape Azure Resource Graph gives them: each
 * with {@code id}, {@code name}, {@code type}, {@code location} where the model knows it, and
 * {@code properties}; subnets and peerings nested in their virtual networks, security rules in
 * their groups, routes in their tables. Server settings other than the defaults become {@code
 * configurations} resources; a network interface's public address becomes a {@code
 * publicIPAddresses} resource named {@code <interface>-ip}; an ExpressRoute connection names a
 * circuit {@code expressRouteCircuits/<on-premises network>}, which the companion document ties to
 * the on-premises network. Everything else ARM does not hold goes into the companion document.
 *
 * <pre>{@code
 * ArmExport out = ArmExport.write(estate);
 * Files.writeString(Path.of("resources.json"), out.resourcesJson());
 * Files.writeString(Path.of("companion.json"), out.companion().toJson());
 * }</pre>
 *
 * <p>{@link ArmTemplateExport} writes the same resources as a deployment template.
 *
 * <p><b>Warning:</b> reading back gives the same estate up to what the JSON cannot carry: the
 * estate's DNS servers come back with the resolver inbound endpoints first, A and CNAME records
 * come back grouped by record set (records of one name together, in the order their names first
 * appear), and empty firewall rule sets are not written. An estate already in that order reads
 * back equal.
 */
public final class ArmExport {
  private final String resourcesJson;
  private final Companion companion;

  private ArmExport(String resourcesJson, Companion companion) {
    this.resourcesJson = resourcesJson;
    this.companion = companion;
  }

  /**
   * Writes an estate.
   *
   * @param estate the estate
   * @return the ARM resources and the companion document
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} when a record set cannot be written
   *     as ARM holds it: A records of one name with different TTLs; {@link
   *     ErrorCode#MISSING_ATTRIBUTE} for a null estate
   */
  public static ArmExport write(Estate estate) {
    Checks.notNull(estate, "ArmExport.write.estate");
    Writer w = new Writer(estate);
    w.write();
    return new ArmExport(Json.write(w.resources), Companion.of(w.companion()));
  }

  /**
   * The resource-list form as trees, for {@link ArmTemplateExport}: the resources in the order
   * {@link #write} writes them, and the companion document.
   *
   * @param estate the estate
   * @return the trees, new on each call
   */
  static Trees trees(Estate estate) {
    Checks.notNull(estate, "ArmExport.write.estate");
    Writer w = new Writer(estate);
    w.write();
    return new Trees(w.resources, w.companion());
  }

  /** The resource-list form's resources and companion document, as trees. */
  record Trees(ArrayNode resources, ObjectNode companion) {}

  /**
   * Returns the ARM resources as an indented JSON array.
   *
   * @return the JSON text
   */
  public String resourcesJson() {
    return resourcesJson;
  }

  /**
   * Returns the companion document: clients, custom DNS servers, server addresses and everything
   * else ARM does not hold.
   *
   * @return the companion
   */
  public Companion companion() {
    return companion;
  }

  /** The TLS versions a client offers when the companion document does not say. */
  private static final com.google.common.collect.ImmutableSet<TlsVersion> DEFAULT_TLS = Client.DEFAULT_TLS_VERSIONS;

  /** Builds the two documents. */
  private static final class Writer {
    private final Estate estate;
    private final ArrayNode resources = JsonNodeFactory.instance.arrayNode();
    private final Map<ResourceId, ObjectNode> servers = new LinkedHashMap<>();
    /** Companion entries of network security groups whose rules have a change instant. */
    private final Map<ResourceId, ObjectNode> groupEntries = new LinkedHashMap<>();
    private final Map<ResourceId, ObjectNode> onPremises = new LinkedHashMap<>();
    private final ArrayNode endpoints = JsonNodeFactory.instance.arrayNode();
    private final java.util.Set<ResourceId> resolvers = new java.util.HashSet<>();

    Writer(Estate estate) {
      this.estate = estate;
    }

    void write() {
      estate.network().virtualNetworks().forEach(this::virtualNetwork);
      estate.networkSecurityGroups().forEach(this::securityGroup);
      estate.network().routeTables().forEach(this::routeTable);
      estate.network().networkInterfaces().forEach(this::networkInterface);
      estate.network().virtualNetworkGateways().forEach(this::gateway);
      estate.network().onPremisesNetworks().forEach(this::localGateway);
      estate.network().gatewayConnections().forEach(this::connection);
      estate.network().flexibleServers().forEach(this::server);
      estate.firewallRules().forEach(this::firewallRules);
      estate.privateDnsZones().forEach(this::zone);
      estate.dnsServers().stream().filter(s -> s.kind() == DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT).forEach(this::inboundEndpoint);
      estate.privateEndpoints().forEach(this::privateEndpoint);
      estate.privateEndpointConnections().forEach(this::serverConnection);
    }

    /** A connection a server lists to an endpoint the estate does not hold, as a resource of its own. */
    private void serverConnection(PrivateEndpointConnection c) {
      ObjectNode p = resource(c.server().child("privateEndpointConnections", c.privateEndpoint().name()), Optional.empty()).putObject("properties");
      ref(p, "privateEndpoint", c.privateEndpoint());
      if (c.state() != PrivateEndpointConnectionState.UNKNOWN) {
        p.putObject("privateLinkServiceConnectionState").put("status", ArmNames.state(c.state()));
      }
    }

    private ObjectNode resource(ResourceId id, Optional<String> location) {
      ObjectNode r = resources.addObject();
      r.put("id", id.toString());
      r.put("name", id.name());
      r.put("type", canonicalType(id));
      location.ifPresent(l -> r.put("location", l));
      return r;
    }

    /** The type as ARM spells it, whatever case the id was written in. */
    private static String canonicalType(ResourceId id) {
      return ArmReader.Kind.of(id.type()).map(k -> k.type).orElse(id.type());
    }

    private Optional<String> regionOfSubnet(ResourceId subnet) {
      return estate.network().subnet(subnet).map(s -> estate.network().virtualNetworkOf(s.id()).region().name());
    }

    private static ObjectNode ref(ObjectNode parent, String member, ResourceId id) {
      return parent.putObject(member).put("id", id.toString());
    }

    // ------------------------------------------------------------ network

    private void virtualNetwork(VirtualNetwork v) {
      ObjectNode p = resource(v.id(), Optional.of(v.region().name())).putObject("properties");
      ArrayNode space = p.putObject("addressSpace").putArray("addressPrefixes");
      v.addressSpace().forEach(a -> space.add(a.toString()));
      if (!v.dnsServers().isEmpty()) {
        ArrayNode dns = p.putObject("dhcpOptions").putArray("dnsServers");
        v.dnsServers().forEach(a -> dns.add(a.toString()));
      }
      // A nested array says the inventory is complete: where the estate does not know it in
      // full, the children are written as resources of their own.
      if (estate.coverage().isComplete(Inventory.SUBNETS, v.id())) {
        ArrayNode subnets = p.putArray("subnets");
        v.subnets().forEach(s -> subnet(subnets.addObject(), s));
      } else {
        v.subnets().forEach(s -> subnet(resources.addObject(), s));
      }
      if (estate.coverage().isComplete(Inventory.VIRTUAL_NETWORK_PEERINGS, v.id())) {
        ArrayNode peerings = p.putArray("virtualNetworkPeerings");
        v.virtualNetworkPeerings().forEach(x -> peering(peerings.addObject(), x));
      } else {
        v.virtualNetworkPeerings().forEach(x -> peering(resources.addObject(), x));
      }
    }

    private static void subnet(ObjectNode o, Subnet s) {
      o.put("id", s.id().toString());
      o.put("name", s.name());
      o.put("type", Subnet.RESOURCE_TYPE);
      ObjectNode p = o.putObject("properties");
      p.put("addressPrefix", s.addressPrefix().toString());
      s.networkSecurityGroup().ifPresent(g -> ref(p, "networkSecurityGroup", g));
      s.routeTable().ifPresent(t -> ref(p, "routeTable", t));
      ArrayNode delegations = p.putArray("delegations");
      s.delegation().ifPresent(d -> {
        ObjectNode x = delegations.addObject();
        x.put("name", d.replace('/', '.'));
        x.putObject("properties").put("serviceName", d);
      });
      p.put("privateEndpointNetworkPolicies", ArmNames.policy(s.privateEndpointNetworkPolicies()));
    }

    private static void peering(ObjectNode o, VirtualNetworkPeering x) {
      o.put("id", x.id().toString());
      o.put("name", x.name());
      o.put("type", VirtualNetworkPeering.RESOURCE_TYPE);
      ObjectNode p = o.putObject("properties");
      ref(p, "remoteVirtualNetwork", x.remoteVirtualNetwork());
      p.put("allowVirtualNetworkAccess", x.allowVirtualNetworkAccess());
      p.put("allowForwardedTraffic", x.allowForwardedTraffic());
      p.put("allowGatewayTransit", x.allowGatewayTransit());
      p.put("useRemoteGateways", x.useRemoteGateways());
      x.peeringState().ifPresent(st -> p.put("peeringState", st.armName()));
      if (!x.remoteAddressSpace().isEmpty()) {
        ArrayNode a = p.putObject("remoteAddressSpace").putArray("addressPrefixes");
        x.remoteAddressSpace().forEach(pr -> a.add(pr.toString()));
      }
    }

    private void securityGroup(NetworkSecurityGroup g) {
      ObjectNode p = resource(g.id(), Optional.empty()).putObject("properties");
      boolean complete = estate.coverage().isComplete(Inventory.SECURITY_RULES, g.id());
      ArrayNode rules = complete ? p.putArray("securityRules") : resources;
      for (SecurityRule r : g.securityRules()) {
        ObjectNode o = rules.addObject();
        o.put("id", g.ruleId(r).toString());
        if (!complete) {
          o.put("type", "Microsoft.Network/networkSecurityGroups/securityRules");
        }
        o.put("name", r.name());
        ObjectNode rp = o.putObject("properties");
        rp.put("priority", r.priority());
        rp.put("direction", r.direction().azureName());
        rp.put("access", r.access().azureName());
        rp.put("protocol", r.protocol().azureName());
        side(rp, "source", r.sourceAddressPrefixes(), r.sourceApplicationSecurityGroups(), r.sourcePortRanges());
        side(rp, "destination", r.destinationAddressPrefixes(), r.destinationApplicationSecurityGroups(), r.destinationPortRanges());
        if (r.changedAt().isPresent()) {
          ObjectNode entry = groupEntries.computeIfAbsent(g.id(), k -> Json.object().put("id", k.toString()));
          ObjectNode changes = entry.has("securityRules") ? (ObjectNode) entry.get("securityRules") : entry.putObject("securityRules");
          changes.putObject(r.name()).put("changedAt", r.changedAt().get().toString());
        }
      }
    }

    private static void side(ObjectNode p, String side, List<SecurityRuleAddress> addresses, List<ResourceId> groups, List<PortRange> ports) {
      if (addresses.size() == 1) {
        p.put(side + "AddressPrefix", addresses.get(0).toString());
      } else if (addresses.size() > 1) {
        ArrayNode a = p.putArray(side + "AddressPrefixes");
        addresses.forEach(x -> a.add(x.toString()));
      }
      if (!groups.isEmpty()) {
        ArrayNode a = p.putArray(side + "ApplicationSecurityGroups");
        groups.forEach(g -> a.addObject().put("id", g.toString()));
      }
      if (ports.size() == 1) {
        p.put(side + "PortRange", ports.get(0).toString());
      } else {
        ArrayNode a = p.putArray(side + "PortRanges");
        ports.forEach(x -> a.add(x.toString()));
      }
    }

    private void routeTable(RouteTable t) {
      ObjectNode p = resource(t.id(), Optional.empty()).putObject("properties");
      boolean complete = estate.coverage().isComplete(Inventory.ROUTES, t.id());
      ArrayNode routes = complete ? p.putArray("routes") : resources;
      for (Route r : t.routes()) {
        ObjectNode rp = route(routes.addObject(), t, r.name());
        rp.put("addressPrefix", r.addressPrefix().toString());
        rp.put("nextHopType", ArmNames.nextHop(r.nextHopType()));
        r.nextHopIpAddress().ifPresent(a -> rp.put("nextHopIpAddress", a.toString()));
      }
      for (ServiceTagRoute r : t.serviceTagRoutes()) {
        ObjectNode rp = route(routes.addObject(), t, r.name());
        rp.put("addressPrefix", r.serviceTag());
        rp.put("nextHopType", ArmNames.nextHop(r.nextHopType()));
        r.nextHopIpAddress().ifPresent(a -> rp.put("nextHopIpAddress", a.toString()));
      }
    }

    private static ObjectNode route(ObjectNode o, RouteTable t, String name) {
      o.put("id", t.id().child("routes", name).toString());
      o.put("name", name);
      o.put("type", "Microsoft.Network/routeTables/routes");
      return o.putObject("properties");
    }

    private void networkInterface(NetworkInterface n) {
      Optional<ResourceId> pip = n.publicAddress().map(a -> ResourceId.of(n.id().subscriptionId(), n.id().resourceGroup(), ArmReader.Kind.PUBLIC_IP_ADDRESS.type, n.name() + "-ip"));
      pip.ifPresent(id -> resource(id, regionOfSubnet(n.subnet())).putObject("properties").put("ipAddress", n.publicAddress().orElseThrow().toString()));
      ObjectNode p = resource(n.id(), regionOfSubnet(n.subnet())).putObject("properties");
      ObjectNode config = p.putArray("ipConfigurations").addObject();
      config.put("name", "ipconfig1");
      ObjectNode cp = config.putObject("properties");
      cp.put("privateIPAddress", n.privateAddress().toString());
      cp.put("privateIPAllocationMethod", "Static");
      cp.put("privateIPAddressVersion", "IPv4");
      cp.put("primary", true);
      ref(cp, "subnet", n.subnet());
      pip.ifPresent(id -> ref(cp, "publicIPAddress", id));
      n.networkSecurityGroup().ifPresent(g -> ref(p, "networkSecurityGroup", g));
      p.put("enableIPForwarding", n.enableIpForwarding());
    }

    private void gateway(VirtualNetworkGateway g) {
      Optional<String> region = estate.network().virtualNetwork(g.virtualNetwork()).map(v -> v.region().name());
      ObjectNode p = resource(g.id(), region).putObject("properties");
      p.put("gatewayType", ArmNames.gatewayType(g.gatewayType()));
      ObjectNode config = p.putArray("ipConfigurations").addObject();
      config.put("name", "default");
      ref(config.putObject("properties"), "subnet", g.virtualNetwork().child("subnets", "GatewaySubnet"));
    }

    private void localGateway(OnPremisesNetwork o) {
      ObjectNode p = resource(o.id(), Optional.empty()).putObject("properties");
      ArrayNode prefixes = p.putObject("localNetworkAddressSpace").putArray("addressPrefixes");
      o.addressPrefixes().forEach(x -> prefixes.add(x.toString()));
      if (!o.dnsServers().isEmpty()) {
        ArrayNode dns = onPremisesEntry(o.id()).putArray("dnsServers");
        o.dnsServers().forEach(a -> dns.add(a.toString()));
      }
    }

    private ObjectNode onPremisesEntry(ResourceId id) {
      return onPremises.computeIfAbsent(id, k -> JsonNodeFactory.instance.objectNode().put("id", k.toString()));
    }

    private void connection(GatewayConnection c) {
      ObjectNode p = resource(c.id(), Optional.empty()).putObject("properties");
      p.put("connectionType", ArmNames.connectionType(c.connectionType()));
      ref(p, "virtualNetworkGateway1", c.virtualNetworkGateway());
      switch (c.connectionType()) {
        case VNET_TO_VNET:
          ref(p, "virtualNetworkGateway2", c.remote());
          break;
        case IPSEC:
          ref(p, "localNetworkGateway2", c.remote());
          break;
        default:
          ResourceId circuit = ResourceId.of(c.remote().subscriptionId(), c.remote().resourceGroup(), "Microsoft.Network/expressRouteCircuits", c.remote().name());
          ref(p, "peer", circuit);
          onPremisesEntry(c.remote()).put("expressRouteCircuit", circuit.toString());
          break;
      }
    }

    // ------------------------------------------------------------ servers

    private ObjectNode serverEntry(ResourceId id) {
      return servers.computeIfAbsent(id, k -> JsonNodeFactory.instance.objectNode().put("id", k.toString()));
    }

    private void server(FlexibleServer s) {
      ObjectNode r = resource(s.id(), Optional.of(s.region().name()));
      ObjectNode sku = r.putObject("sku");
      sku.put("name", s.tier() == ServerTier.BURSTABLE ? "Standard_B1ms" : s.tier() == ServerTier.MEMORY_OPTIMIZED ? "Standard_E2ds_v5" : "Standard_D2ds_v5");
      sku.put("tier", ArmNames.tier(s.tier()));
      ObjectNode p = r.putObject("properties");
      p.put("version", s.version());
      p.put("fullyQualifiedDomainName", s.fullyQualifiedDomainName());
      p.putObject("highAvailability").put("mode", ArmNames.highAvailability(s.highAvailability()));
      ObjectNode network = p.putObject("network");
      network.put("publicNetworkAccess", ArmNames.access(s.publicNetworkAccess()));
      s.delegatedSubnet().ifPresent(x -> network.put("delegatedSubnetResourceId", x.toString()));
      s.privateDnsZone().ifPresent(x -> network.put("privateDnsZoneArmResourceId", x.toString()));
      p.put("replicationRole", ArmNames.role(s.replicationRole()));
      if (s.isKnown(ServerSetting.STATE)) {
        p.put("state", s.state().armName()); // an export shows every server's state: one left out reads as unknown
      }
      if (s.createMode() != CreateMode.DEFAULT) {
        p.put("createMode", ArmNames.createMode(s.createMode()));
      }
      s.sourceServer().ifPresent(x -> p.put("sourceServerResourceId", x.toString()));
      if (!s.requireSecureTransport()) {
        configuration(s, "require_secure_transport", "off");
      }
      if (s.sslMinProtocolVersion() != TlsVersion.TLS_1_2) {
        configuration(s, "ssl_min_protocol_version", s.sslMinProtocolVersion().parameterValue());
      }
      s.sslMaxProtocolVersion().ifPresent(v -> configuration(s, "ssl_max_protocol_version", v.parameterValue()));
      if (s.pgBouncerEnabled()) {
        configuration(s, "pgbouncer.enabled", "true");
      }
      s.privateAddress().ifPresent(a -> serverEntry(s.id()).put("privateAddress", a.toString()));
      s.publicAddress().ifPresent(a -> serverEntry(s.id()).put("publicAddress", a.toString()));
      DnsName label = estate.publicEndpointLabels().get(s.name());
      if (label != null) {
        serverEntry(s.id()).put("publicEndpointLabel", label.toString());
      }
    }

    private void configuration(FlexibleServer s, String name, String value) {
      ObjectNode p = resource(s.id().child("configurations", name), Optional.empty()).putObject("properties");
      p.put("value", value);
      p.put("source", "user-override");
    }

    private void firewallRules(ResourceId server, FirewallRuleSet set) {
      for (FirewallRule r : set.rules()) {
        ObjectNode p = resource(server.child("firewallRules", r.name()), Optional.empty()).putObject("properties");
        p.put("startIpAddress", r.startIpAddress().toString());
        p.put("endIpAddress", r.endIpAddress().toString());
        r.changedAt().ifPresent(t -> {
          ObjectNode rules = serverEntry(server).has("firewallRules") ? (ObjectNode) serverEntry(server).get("firewallRules") : serverEntry(server).putObject("firewallRules");
          rules.putObject(r.name()).put("changedAt", t.toString());
        });
      }
      if (!set.removals().isEmpty()) {
        ArrayNode removed = serverEntry(server).putArray("removedFirewallRules");
        for (FirewallRuleRemoval r : set.removals()) {
          ObjectNode o = removed.addObject();
          o.put("name", r.name());
          o.put("startIpAddress", r.range().first().toString());
          o.put("endIpAddress", r.range().last().toString());
          o.put("removedAt", r.removedAt().toString());
        }
      }
    }

    // ------------------------------------------------------------ DNS

    private void zone(PrivateDnsZone z) {
      resource(z.id(), Optional.of("global")).putObject("properties");
      for (VirtualNetworkLink l : z.virtualNetworkLinks()) {
        ObjectNode p = resource(l.id(), Optional.of("global")).putObject("properties");
        ref(p, "virtualNetwork", l.virtualNetwork());
        p.put("registrationEnabled", l.registrationEnabled());
        p.put("resolutionPolicy", ArmNames.resolutionPolicy(l.resolutionPolicy()));
      }
      Map<RecordName, List<DnsRecord>> sets = new LinkedHashMap<>();
      z.records().forEach(r -> sets.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(r));
      for (Map.Entry<RecordName, List<DnsRecord>> set : sets.entrySet()) {
        List<DnsRecord> records = set.getValue();
        Optional<Duration> ttl = records.get(0).ttl();
        if (records.stream().anyMatch(r -> !r.ttl().equals(ttl))) {
          throw PgreachException.of(
              ErrorCode.INVALID_VALUE,
              "PrivateDnsZone[%s].records at %s have different TTLs; an ARM record set has one",
              z.name(),
              set.getKey());
        }
        boolean cname = records.get(0) instanceof DnsRecord.Cname;
        ObjectNode p = resource(z.id().child(cname ? "CNAME" : "A", set.getKey().toString()), Optional.empty()).putObject("properties");
        ttl.ifPresent(t -> p.put("ttl", t.getSeconds()));
        if (cname) {
          p.putObject("cnameRecord").put("cname", ((DnsRecord.Cname) records.get(0)).target().toString());
        } else {
          ArrayNode a = p.putArray("aRecords");
          records.forEach(r -> a.addObject().put("ipv4Address", ((DnsRecord.A) r).address().toString()));
        }
      }
    }

    private void inboundEndpoint(DnsServer s) {
      ClientLocation.InVirtualNetwork at = (ClientLocation.InVirtualNetwork) s.location();
      ResourceId resolver = s.id().parent().orElseThrow();
      Optional<String> region = regionOfSubnet(at.subnet());
      if (resolvers.add(resolver)) {
        ref(resource(resolver, region).putObject("properties"), "virtualNetwork", at.subnet().parent().orElseThrow());
      }
      ObjectNode config = resource(s.id(), region).putObject("properties").putArray("ipConfigurations").addObject();
      ref(config, "subnet", at.subnet());
      config.put("privateIpAddress", at.address().toString());
      config.put("privateIpAllocationMethod", "Static");
    }

    private void privateEndpoint(PrivateEndpoint e) {
      ObjectNode p = resource(e.id(), e.region().map(dev.pgreach.core.Region::name)).putObject("properties");
      ref(p, "subnet", e.subnet());
      boolean approved = e.connectionState() == PrivateEndpointConnectionState.APPROVED;
      ObjectNode c = p.putArray(approved ? "privateLinkServiceConnections" : "manualPrivateLinkServiceConnections").addObject();
      c.put("name", e.name());
      ObjectNode cp = c.putObject("properties");
      cp.put("privateLinkServiceId", e.targetServer().toString());
      cp.putArray("groupIds").add(e.groupId());
      if (e.connectionState() != PrivateEndpointConnectionState.UNKNOWN) {
        ObjectNode state = cp.putObject("privateLinkServiceConnectionState");
        state.put("status", ArmNames.state(e.connectionState()));
        state.put("actionsRequired", "None");
      }
      ObjectNode config = p.putArray("ipConfigurations").addObject();
      config.put("name", "ipconfig");
      ObjectNode configProps = config.putObject("properties");
      configProps.put("groupId", e.groupId());
      configProps.put("memberName", e.groupId());
      configProps.put("privateIPAddress", e.privateAddress().toString());
      ObjectNode dns = p.putArray("customDnsConfigs").addObject();
      // Ids compare ignoring case: the target may name the server in another case than its own id.
      dns.put(
          "fqdn",
          estate.network().flexibleServer(e.targetServer()).map(FlexibleServer::fullyQualifiedDomainName)
              .orElseGet(() -> ServerName.parse(e.targetServer().name().toLowerCase(java.util.Locale.ROOT)).fullyQualifiedDomainName()));
      dns.putArray("ipAddresses").add(e.privateAddress().toString());
      if (!e.privateDnsZones().isEmpty()) {
        ArrayNode zones = resource(e.id().child("privateDnsZoneGroups", "default"), Optional.empty()).putObject("properties").putArray("privateDnsZoneConfigs");
        for (ResourceId z : e.privateDnsZones()) {
          ObjectNode o = zones.addObject();
          o.put("name", z.name().replace('.', '-'));
          o.putObject("properties").put("privateDnsZoneId", z.toString());
        }
      }
      e.requestingTenant().ifPresent(t -> endpoints.addObject().put("id", e.id().toString()).put("requestingTenant", t));
    }

    // ------------------------------------------------------------ the companion

    ObjectNode companion() {
      ObjectNode c = Json.object();
      completeness(c);
      if (!estate.clients().isEmpty()) {
        ArrayNode clients = c.putArray("clients");
        estate.clients().forEach(x -> client(clients.addObject(), x));
      }
      List<DnsServer> custom = estate.dnsServers().stream().filter(s -> s.kind() != DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT).toList();
      if (!custom.isEmpty()) {
        ArrayNode dns = c.putArray("dnsServers");
        custom.forEach(s -> dnsServer(dns.addObject(), s));
      }
      if (!onPremises.isEmpty()) {
        ArrayNode o = c.putArray("onPremisesNetworks");
        onPremises.values().forEach(o::add);
      }
      if (!servers.isEmpty()) {
        ArrayNode s = c.putArray("servers");
        servers.values().forEach(s::add);
      }
      if (!groupEntries.isEmpty()) {
        ArrayNode g = c.putArray("networkSecurityGroups");
        groupEntries.values().forEach(g::add);
      }
      if (!endpoints.isEmpty()) {
        c.set("privateEndpoints", endpoints);
      }
      if (!estate.azureRanges().isEmpty()) {
        ArrayNode a = c.putArray("azureRanges");
        estate.azureRanges().ranges().forEach(r -> a.add(range(r)));
      }
      if (!estate.serviceTagRanges().isEmpty()) {
        ObjectNode tags = c.putObject("serviceTagRanges");
        estate.serviceTagRanges().forEach((tag, set) -> {
          ArrayNode a = tags.putArray(tag);
          set.ranges().forEach(r -> a.add(range(r)));
        });
      }
      if (!estate.droppedServersWithPrivateEndpoints().isEmpty()) {
        ArrayNode d = c.putArray("droppedServersWithPrivateEndpoints");
        estate.droppedServersWithPrivateEndpoints().forEach(n -> d.add(n.toString()));
      }
      return c;
    }

    /**
     * The estate's coverage: {@code "complete": true} for a whole estate, else the inventories it
     * knows complete (kinds, then one owner's), which the resources cannot show by themselves.
     */
    private void completeness(ObjectNode c) {
      Coverage coverage = estate.coverage();
      if (coverage.isWhole()) {
        c.put("complete", true);
        return;
      }
      if (coverage.completeKinds().isEmpty() && coverage.completeInventories().isEmpty()) {
        return;
      }
      ArrayNode a = c.putArray("complete");
      coverage.completeKinds().forEach(k -> a.add(k.inputName()));
      coverage.completeInventories().forEach((k, owner) -> a.addObject().put("inventory", k.inputName()).put("of", owner.toString()));
    }

    private static String range(Ipv4Range r) {
      if (r.isPrefix()) {
        Ipv4Prefix p = r.toPrefixes().get(0);
        return p.length() == 32 ? p.network().toString() : p.toString();
      }
      return r.toString();
    }

    private static void client(ObjectNode o, Client c) {
      o.put("name", c.name());
      location(o.putObject("location"), c.location());
      if (!c.tlsVersions().equals(DEFAULT_TLS)) {
        if (c.tlsVersions().isEmpty()) {
          o.put("tls", "none");
        } else {
          ArrayNode t = o.putArray("tls");
          c.tlsVersions().stream().sorted().forEach(v -> t.add(v.parameterValue()));
        }
      }
    }

    private static void location(ObjectNode o, ClientLocation l) {
      if (l instanceof ClientLocation.InVirtualNetwork) {
        ClientLocation.InVirtualNetwork v = (ClientLocation.InVirtualNetwork) l;
        o.put("subnet", v.subnet().toString());
        o.put("address", v.address().toString());
        v.networkInterface().ifPresent(n -> o.put("nic", n.toString()));
        v.outboundPublicAddress().ifPresent(a -> o.put("outboundPublicAddress", a.toString()));
      } else if (l instanceof ClientLocation.OnPremises) {
        ClientLocation.OnPremises v = (ClientLocation.OnPremises) l;
        o.put("onPremises", v.network().toString());
        o.put("address", v.address().toString());
        v.outboundPublicAddress().ifPresent(a -> o.put("outboundPublicAddress", a.toString()));
      } else if (l instanceof ClientLocation.Internet) {
        o.put("internet", l.address().toString());
      } else {
        o.put("azure", l.address().toString());
        o.put("tenant", ((ClientLocation.AzureHosted) l).tenant());
      }
    }

    private static void dnsServer(ObjectNode o, DnsServer s) {
      o.put("id", s.id().toString());
      location(o.putObject("location"), s.location());
      if (!s.forwarders().isEmpty()) {
        ArrayNode f = o.putArray("forwarders");
        s.forwarders().forEach(a -> f.add(a.toString()));
      }
      if (!s.conditionalForwarders().isEmpty()) {
        ArrayNode f = o.putArray("conditionalForwarders");
        for (ConditionalForwarder c : s.conditionalForwarders()) {
          ObjectNode x = f.addObject();
          x.put("domain", c.domain().toString());
          ArrayNode t = x.putArray("targets");
          c.targets().forEach((Ipv4Address a) -> t.add(a.toString()));
        }
      }
    }
  }
}
