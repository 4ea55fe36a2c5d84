package dev.pgreach.privatelink.arm;

import dev.pgreach.core.CreateMode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.HighAvailabilityMode;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ReplicationRole;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServerState;
import dev.pgreach.core.ServerTier;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleRemoval;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.privatelink.arm.ArmReader.Kind;
import dev.pgreach.privatelink.arm.ArmReader.Raw;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads PostgreSQL flexible servers with their configurations (server parameters) and firewall
 * rules, and the companion's {@code servers} entries.
 *
 * <p>In an open world: a server read with {@code properties} missing or null has every setting
 * unknown, its networking mode first; a setting given as a value known only at deployment is
 * unknown; a server parameter pgreach models ({@code require_secure_transport}, {@code
 * ssl_min_protocol_version}, {@code ssl_max_protocol_version}, {@code pgbouncer.enabled}) that no
 * configuration sets is Azure's default only when the input holds the server's configurations in
 * full, and unknown otherwise. A delegated subnet known only at deployment stands for a subnet
 * outside the input. Firewall rules of a server the input does not hold are kept for it, the
 * server being outside the input.
 */
final class ServerResources {
  /** The server parameters pgreach models, by lower-case name, with the setting each decides. */
  private static final Map<String, ServerSetting> PARAMETERS =
      Map.of(
          "require_secure_transport", ServerSetting.REQUIRE_SECURE_TRANSPORT,
          "ssl_min_protocol_version", ServerSetting.SSL_MIN_PROTOCOL_VERSION,
          "ssl_max_protocol_version", ServerSetting.SSL_MAX_PROTOCOL_VERSION,
          "pgbouncer.enabled", ServerSetting.PGBOUNCER);

  private final ArmReader r;

  ServerResources(ArmReader r) {
    this.r = r;
  }

  void read() {
    r.guard(this::servers);
    r.guard(this::firewallRules);
  }

  /** A server parameter as the input sets it: where, and the value (empty when it is not known). */
  private record Parameter(Node at, Optional<String> value) {}

  private void servers() {
    LinkedHashMap<ResourceId, Parameter> parameters =
        r.convert(
            Kind.CONFIGURATION,
            raw -> {
              Optional<Node> value = raw.props().opt("value");
              if (value.isPresent() && value.get().isUnknown()) {
                return new Parameter(value.get(), Optional.empty());
              }
              return new Parameter(raw.props().child("value"), Optional.of(value.map(Node::text).orElse("")));
            },
            r::unknownResource);
    LinkedHashMap<ResourceId, Raw> read = r.convert(Kind.SERVER, raw -> raw, r::unknownResource);
    Map<ResourceId, List<Raw>> configurations = r.uniqueByParent(Kind.CONFIGURATION);
    for (ResourceId owner : configurations.keySet()) {
      if (!read.containsKey(owner)) {
        r.outside(owner, "the server of configurations " + configurations.get(owner).get(0).node().path());
        r.note(configurations.get(owner).get(0).node().path() + ": server " + owner.name()
            + " is not in the input; its server parameters are read as a reference only");
      }
    }
    for (Node e : r.companion.list("servers")) {
      r.guard(() -> {
        e.requireObject().only("id", "name", "privateAddress", "publicAddress", "publicEndpointLabel", "parameters", "firewallRules", "removedFirewallRules");
        ResourceId id = ArmReader.target(e, FlexibleServer.RESOURCE_TYPE, read.keySet(), "flexible server", false);
        if (r.serverEntries.put(id, e) != null) {
          throw e.error(ErrorCode.DUPLICATE_RESOURCE, "is a second entry for %s", id);
        }
      });
    }
    for (Raw raw : r.unique(Kind.SERVER)) {
      if (!read.containsKey(raw.id())) {
        continue;
      }
      r.guard(() -> {
        try {
          r.servers.put(raw.id(), server(raw, configurations.getOrDefault(raw.id(), List.of()), parameters));
        } catch (Node.UnknownValue e) {
          r.note(e.sentence() + "; server " + raw.id().name() + " is read as outside the input");
          r.outside(raw.id(), "its " + e.node().path() + " is known only at deployment");
        }
      });
    }
  }

  /**
   * The server's id, its name in lower case. Azure creates flexible servers only with lower-case
   * names, and resource ids and host names compare ignoring case; a document that writes a
   * server's name with capitals (as test fixtures do) names the same server, which is read under
   * its lower-case name, with a note. A name that is not valid in any case stays as written, for
   * the model to refuse.
   */
  private ResourceId serverId(Raw raw) {
    ResourceId id = raw.id();
    String name = id.name();
    String lower = name.toLowerCase(java.util.Locale.ROOT);
    if (lower.equals(name) || ServerName.tryParse(lower).isEmpty()) {
      return id;
    }
    r.note(raw.node().path() + ": server " + name + " is written with capitals, which Azure does not create; it is read as " + lower
        + " (resource ids and host names compare ignoring case)");
    return ResourceId.of(id.subscriptionId(), id.resourceGroup(), FlexibleServer.RESOURCE_TYPE, lower);
  }

  private FlexibleServer server(Raw raw, List<Raw> configurations, Map<ResourceId, Parameter> parameters) {
    FlexibleServer.Builder b = FlexibleServer.builder().id(serverId(raw)).region(NetworkResources.region(raw.node()));
    Set<ServerSetting> unknown = EnumSet.noneOf(ServerSetting.class);
    Optional<Node> sku = raw.node().opt("sku").flatMap(s -> s.opt("tier"));
    if (sku.isPresent() && sku.get().isUnknown()) {
      unknown.add(ServerSetting.TIER);
    } else if (sku.isPresent()) {
      b.tier(sku.get().choice(ServerTier.class, ArmNames::tier));
    } else {
      unknown.add(ServerSetting.TIER);
    }
    if (!raw.hasProperties()) {
      r.note(raw.node().path() + ": server " + raw.id().name()
          + " has no properties in the input; its networking mode and every other setting are read as unknown, never as defaults");
      EnumSet<ServerSetting> all = EnumSet.allOf(ServerSetting.class);
      if (sku.isPresent() && !sku.get().isUnknown()) {
        all.remove(ServerSetting.TIER);
      }
      return raw.node().parse(() -> b.addAllUnknownSettings(all).build());
    }
    Node p = raw.props();
    setting(p, "version", ServerSetting.VERSION, unknown, v -> b.version(v.isText() ? v.nonBlank() : Long.toString(v.integer(0, 1_000))));
    Optional<Node> ha = p.opt("highAvailability").flatMap(h -> h.isUnknown() ? Optional.of(h) : h.opt("mode"));
    if (ha.isPresent()) {
      if (ha.get().isUnknown()) {
        unknown.add(ServerSetting.HIGH_AVAILABILITY);
      } else {
        b.highAvailability(ha.get().choice(HighAvailabilityMode.class, ArmNames::highAvailability));
      }
    } else {
      setting(p, "haEnabled", ServerSetting.HIGH_AVAILABILITY, unknown,
          h -> b.highAvailability(h.text().equalsIgnoreCase("Enabled") ? HighAvailabilityMode.ZONE_REDUNDANT : HighAvailabilityMode.DISABLED));
    }
    network(raw, p, b, unknown);
    Optional<Node> role = p.opt("replicationRole").or(() -> p.opt("replica").flatMap(x -> x.isUnknown() ? Optional.of(x) : x.opt("role")));
    role.ifPresent(x -> {
      if (x.isUnknown()) {
        unknown.add(ServerSetting.REPLICATION_ROLE);
      } else {
        b.replicationRole(x.choice(ReplicationRole.class, ArmNames::role));
      }
    });
    setting(p, "createMode", ServerSetting.CREATE_MODE, unknown, m -> b.createMode(createMode(m)));
    p.opt("sourceServerResourceId").ifPresent(s -> {
      if (s.isUnknown()) {
        unknown.add(ServerSetting.CREATE_MODE);
      } else if (!s.text().isEmpty()) {
        b.sourceServer(s.resourceId(FlexibleServer.RESOURCE_TYPE));
      }
    });
    Optional<Node> state = p.opt("state");
    if (state.isPresent() && state.get().isUnknown()) {
      unknown.add(ServerSetting.STATE);
    } else if (state.isPresent()) {
      Optional<ServerState> known = ServerState.fromArmName(state.get().text());
      if (known.isEmpty()) {
        r.note(state.get().path() + ": server state " + Json.show(state.get().json()) + " is not one pgreach knows; the state is read as unknown");
        unknown.add(ServerSetting.STATE);
      } else {
        b.state(known.get());
      }
    } else if (!r.requests()) {
      // An export shows the state of every server (it is read-only and always set); one left out was projected away.
      r.note(p.path() + ": server " + raw.id().name() + " shows no state; it is read as unknown, not as Ready");
      unknown.add(ServerSetting.STATE);
    }
    parameters(raw, configurations, parameters, b, unknown);
    return raw.node().parse(() -> b.addAllUnknownSettings(unknown).build());
  }

  /** Reads one setting: unknown when its value is, applied when given, left to Azure's default when absent. */
  private static void setting(Node p, String member, ServerSetting setting, Set<ServerSetting> unknown, java.util.function.Consumer<Node> apply) {
    Optional<Node> v = p.opt(member);
    if (v.isEmpty()) {
      return;
    }
    if (v.get().isUnknown()) {
      unknown.add(setting);
    } else {
      apply.accept(v.get());
    }
  }

  /**
   * The networking members. A request (a template, Terraform) that leaves out {@code network} or
   * its members asks for Azure's create-time values: public access, Enabled, no zone. An export
   * (a REST GET, {@code az}, Resource Graph) shows {@code network.publicNetworkAccess} for every
   * server and {@code delegatedSubnetResourceId} for every VNet-integrated one, so one that shows
   * neither had them projected away: the networking mode, public access and the private DNS zone
   * are unknown, with a note naming what is missing.
   */
  private void network(Raw raw, Node p, FlexibleServer.Builder b, Set<ServerSetting> unknown) {
    Optional<Node> network = p.opt("network");
    if (network.isPresent() && network.get().isUnknown()) {
      unknown.add(ServerSetting.NETWORKING);
      unknown.add(ServerSetting.PRIVATE_DNS_ZONE);
      unknown.add(ServerSetting.PUBLIC_NETWORK_ACCESS);
      return;
    }
    Optional<Node> subnet = network.flatMap(n -> n.opt("delegatedSubnetResourceId"));
    Optional<Node> access = network.flatMap(n -> n.opt("publicNetworkAccess"));
    if (subnet.isEmpty() && access.isEmpty() && !r.requests()) {
      String where = network.map(n -> n.path() + " shows neither publicNetworkAccess nor delegatedSubnetResourceId")
          .orElse(p.path() + " has no network");
      r.note(where + "; the networking mode and public access of server " + raw.id().name()
          + " are read as unknown, never as Azure's defaults (an export shows them; they were projected away)");
      unknown.add(ServerSetting.NETWORKING);
      unknown.add(ServerSetting.PUBLIC_NETWORK_ACCESS);
      if (network.flatMap(n -> n.opt("privateDnsZoneArmResourceId")).isEmpty()) {
        unknown.add(ServerSetting.PRIVATE_DNS_ZONE);
      }
    }
    if (network.isEmpty()) {
      return; // a request without a delegated subnet: public access, as Azure creates a server without one
    }
    Node n = network.get();
    if (subnet.isPresent() && subnet.get().isUnknown()) {
      // VNet-integrated, in a subnet known only at deployment: a stand-in id outside the input.
      ResourceId vnet = ResourceId.of(raw.id().subscriptionId(), raw.id().resourceGroup(), VirtualNetwork.RESOURCE_TYPE, "unknown-network-of-" + raw.id().name());
      ResourceId stand = vnet.child("subnets", "unknown-subnet-of-" + raw.id().name());
      String why = subnet.get().whyUnknown().orElse("known only at deployment");
      r.outside(stand, "the delegated subnet of " + raw.id().name() + ", whose id is not known (" + why + ")");
      r.outside(vnet, "the virtual network of " + raw.id().name() + "'s delegated subnet, whose id is not known");
      r.standIns.add(stand);
      r.standIns.add(vnet);
      b.delegatedSubnet(stand);
    } else if (subnet.isPresent() && !subnet.get().text().isEmpty()) {
      b.delegatedSubnet(r.reference(subnet.get(), Subnet.RESOURCE_TYPE, r.subnets, "the delegated subnet of server " + raw.id().name()));
    }
    Optional<Node> zone = n.opt("privateDnsZoneArmResourceId");
    if (zone.isPresent() && zone.get().isUnknown()) {
      unknown.add(ServerSetting.PRIVATE_DNS_ZONE);
    } else if (zone.isPresent() && !zone.get().text().isEmpty()) {
      b.privateDnsZone(zone.get().resourceId(PrivateDnsZone.RESOURCE_TYPE));
    }
    setting(n, "publicNetworkAccess", ServerSetting.PUBLIC_NETWORK_ACCESS, unknown, a -> b.publicNetworkAccess(a.choice(PublicNetworkAccess.class, ArmNames::access)));
  }

  /**
   * Server parameters: ARM configurations first, the companion's override them; a modelled
   * parameter no one sets is Azure's default when the server's configurations are all in the input,
   * and unknown otherwise.
   */
  private void parameters(Raw raw, List<Raw> configurations, Map<ResourceId, Parameter> parameters, FlexibleServer.Builder b, Set<ServerSetting> unknown) {
    Map<String, Parameter> settings = new LinkedHashMap<>();
    for (Raw c : configurations) {
      Parameter v = parameters.get(c.id());
      if (v != null) {
        settings.put(c.id().name().toLowerCase(Locale.ROOT), v);
      }
    }
    Optional<Node> entry = Optional.ofNullable(r.serverEntries.get(raw.id()));
    if (entry.isPresent()) {
      Node e = entry.get();
      e.opt("privateAddress").ifPresent(a -> b.privateAddress(a.address()));
      e.opt("publicAddress").ifPresent(a -> b.publicAddress(a.address()));
      e.opt("parameters").ifPresent(ps -> ps.requireObject().members().forEach(m -> {
        Node v = m.getValue();
        String text = v.isText() ? v.text() : Boolean.toString(v.bool());
        settings.put(m.getKey().toLowerCase(Locale.ROOT), new Parameter(v, Optional.of(text)));
      }));
    }
    boolean complete = r.isComplete(Inventory.CONFIGURATIONS, raw.id());
    for (Map.Entry<String, ServerSetting> modelled : PARAMETERS.entrySet()) {
      Parameter given = settings.get(modelled.getKey());
      if (given == null) {
        if (!complete) {
          unknown.add(modelled.getValue());
        }
        continue;
      }
      if (given.value().isEmpty()) {
        unknown.add(modelled.getValue());
        continue;
      }
      try {
        parameter(b, modelled.getKey(), given.at(), given.value().get());
      } catch (PgreachException e) {
        r.problem(e);
      }
    }
  }

  /** Applies one server parameter pgreach models. */
  private static void parameter(FlexibleServer.Builder b, String name, Node at, String value) {
    switch (name) {
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
      default:
        b.pgBouncerEnabled(onOff(at, value));
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

  private static CreateMode createMode(Node m) {
    String t = m.text();
    if (t.equalsIgnoreCase("Create") || t.equalsIgnoreCase("Update")) {
      return CreateMode.DEFAULT;
    }
    return m.choice(CreateMode.class, ArmNames::createMode);
  }

  // ------------------------------------------------------------------ firewall rules

  private void firewallRules() {
    LinkedHashMap<ResourceId, FirewallRule> rules = r.convert(Kind.FIREWALL_RULE, this::firewallRule, r::unknownResource);
    Map<ResourceId, List<Raw>> byServer = r.uniqueByParent(Kind.FIREWALL_RULE);
    List<ResourceId> owners = new ArrayList<>(r.servers.keySet());
    for (ResourceId owner : byServer.keySet()) {
      if (!r.servers.containsKey(owner)) {
        owners.add(owner);
        r.outside(owner, "the server of firewall rules " + byServer.get(owner).get(0).node().path());
        r.note(byServer.get(owner).get(0).node().path() + ": server " + owner.name()
            + " is not in the input; its firewall rules are read for it (validation checks them) but no connection to it can be answered");
      }
    }
    for (ResourceId owner : owners) {
      r.guard(() -> serverRules(owner, byServer.getOrDefault(owner, List.of()), rules));
    }
  }

  private void serverRules(ResourceId server, List<Raw> listed, Map<ResourceId, FirewallRule> rules) {
    List<FirewallRule> own = new ArrayList<>();
    Map<String, Raw> names = new HashMap<>();
    for (Raw raw : listed) {
      FirewallRule rule = rules.get(raw.id());
      if (rule == null) {
        continue; // not read: a problem or an unknown value, recorded already
      }
      Raw same = names.put(raw.id().name().toLowerCase(Locale.ROOT), raw);
      if (same != null) {
        r.problem(raw.node().error(ErrorCode.DUPLICATE_RESOURCE, "is a second firewall rule named %s on %s (also %s)", raw.id().name(), server.name(), same.node().path()));
        continue;
      }
      own.add(rule);
    }
    List<FirewallRuleRemoval> removals = new ArrayList<>();
    Node entry = r.serverEntries.get(server);
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
          r.problem(m.getValue().error(ErrorCode.DANGLING_REFERENCE, "names firewall rule %s, which server %s does not have in the ARM input", m.getKey(), server.name()));
          continue;
        }
        FirewallRule rule = own.get(index);
        own.set(index, change.opt("changedAt").map(c -> rule.withChangedAt(c.instant())).orElse(rule));
      }
      for (Node removed : entry.list("removedFirewallRules")) {
        r.guard(() -> {
          removed.requireObject().only("name", "startIpAddress", "endIpAddress", "removedAt");
          String name = removed.req("name").nonBlank();
          Ipv4Address start = removed.req("startIpAddress").address();
          Ipv4Address end = removed.req("endIpAddress").address();
          Instant at = removed.req("removedAt").instant();
          removals.add(removed.parse(() -> new FirewallRuleRemoval(name, dev.pgreach.core.Ipv4Range.of(start, end), at)));
        });
      }
    }
    if (!own.isEmpty() || !removals.isEmpty()) {
      Node at = entry == null ? r.arm : entry;
      r.firewallRules.put(server, at.parse(() -> FirewallRuleSet.of(own, removals)));
    }
  }

  /**
   * One firewall rule. Both addresses are read before either problem is reported, so that a rule
   * whose start and end are both wrong is reported once for each, at its own path.
   */
  private FirewallRule firewallRule(Raw raw) {
    Node p = raw.props();
    List<PgreachException> problems = new ArrayList<>(2);
    Ipv4Address start = address(p, "startIpAddress", problems);
    Ipv4Address end = address(p, "endIpAddress", problems);
    if (!problems.isEmpty()) {
      for (int i = 0; i < problems.size() - 1; i++) {
        r.problem(problems.get(i));
      }
      throw problems.get(problems.size() - 1);
    }
    return raw.node().parse(() -> FirewallRule.builder().name(raw.id().name()).startIpAddress(start).endIpAddress(end).build());
  }

  /** A required address member, or null with its problem added. */
  private static Ipv4Address address(Node p, String member, List<PgreachException> problems) {
    try {
      return p.req(member).address();
    } catch (PgreachException e) {
      problems.add(e);
      return null;
    }
  }
}
