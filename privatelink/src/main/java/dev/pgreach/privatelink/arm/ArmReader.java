package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import com.google.common.collect.LinkedHashMultimap;
import com.google.common.collect.SetMultimap;
import dev.pgreach.core.Coverage;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnection;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Reads Azure resources and a companion document into an estate, in an open world.
 *
 * <p>Reading goes in two passes: first every resource of a known type is collected (nested
 * subnets, peerings, rules and routes included), then the model is built kind by kind ({@link
 * NetworkResources}, {@link ServerResources}, {@link DnsResources}, {@link EndpointResources},
 * {@link CompanionEntries}), each reference checked with the JSON path that made it.
 *
 * <p>What the input does not show is recorded, never defaulted: a reference to a resource the
 * input does not hold makes that resource <em>outside the input</em> ({@link #outside}); a value a
 * front end could not know ({@link Node.UnknownValue}) makes the setting it lands in unknown, or,
 * where the model has no unknown form for it, makes the resource outside the input and the
 * inventory holding it incomplete; the inventories the input holds in full are recorded from what
 * proves it (a nested array in its owner's properties, a document that is one owner's whole list)
 * and from the companion's declarations. Together they are the estate's {@link Coverage}.
 *
 * <p>Independent problems are collected, up to {@link #MAX_PROBLEMS}, each at the JSON path of the
 * member at fault, and reported together; nothing is kept when anything fails.
 */
final class ArmReader {
  /** The tenant of an Azure-hosted client whose tenant is not given. */
  static final String UNKNOWN_TENANT = "unknown";

  /** The most problems one read reports; the rest are counted. */
  static final int MAX_PROBLEMS = 100;

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
    CONFIGURATION("Microsoft.DBforPostgreSQL/flexibleServers/configurations"),
    SERVER_ENDPOINT_CONNECTION("Microsoft.DBforPostgreSQL/flexibleServers/privateEndpointConnections");

    final String type;

    Kind(String type) {
      this.type = type;
    }

    private static final Kind[] ALL = values();

    static Optional<Kind> of(String type) {
      for (Kind k : ALL) {
        if (k.type.equalsIgnoreCase(type)) {
          return Optional.of(k);
        }
      }
      return Optional.empty();
    }

    /** The inventory of the parent that a child of this kind belongs to, for child kinds. */
    Optional<Inventory> inventory() {
      switch (this) {
        case SUBNET:
          return Optional.of(Inventory.SUBNETS);
        case PEERING:
          return Optional.of(Inventory.VIRTUAL_NETWORK_PEERINGS);
        case SECURITY_RULE:
          return Optional.of(Inventory.SECURITY_RULES);
        case ROUTE:
          return Optional.of(Inventory.ROUTES);
        case ZONE_GROUP:
          return Optional.of(Inventory.PRIVATE_DNS_ZONE_GROUPS);
        case ZONE_LINK:
          return Optional.of(Inventory.VIRTUAL_NETWORK_LINKS);
        case A_RECORDS:
        case CNAME_RECORD:
          return Optional.of(Inventory.RECORD_SETS);
        case FIREWALL_RULE:
          return Optional.of(Inventory.FIREWALL_RULES);
        case CONFIGURATION:
          return Optional.of(Inventory.CONFIGURATIONS);
        case SERVER_ENDPOINT_CONNECTION:
          return Optional.of(Inventory.PRIVATE_ENDPOINT_CONNECTIONS);
        default:
          return Optional.empty();
      }
    }
  }

  /**
   * One resource of a known type, where it was found, and its place in document order; {@code
   * parentId} is its parent's id (shared by the parent's children), null for a top-level resource.
   */
  record Raw(Kind kind, ResourceId id, Node node, int seq, boolean hasProperties, ResourceId parentId) {
    Node props() {
      return node.objectOrEmpty("properties");
    }

    ResourceId parent() {
      if (parentId == null) {
        throw new java.util.NoSuchElementException("a top-level resource has no parent: " + id);
      }
      return parentId;
    }
  }

  // ------------------------------------------------------------------ inputs
  final Node arm;
  final Node companion;
  private final ResourceInput input;
  /** The ids parsed in this import, each text once. */
  final Ids ids;

  // ------------------------------------------------------------------ collected
  private final Map<Kind, List<Raw>> raws = new EnumMap<>(Kind.class);
  private final Map<String, String> skippedNames = new TreeMap<>();
  private final Map<String, Integer> skippedCounts = new TreeMap<>();
  final List<String> notes = new ArrayList<>();
  private int seq;
  private int resourceCount;

  // ------------------------------------------------------------------ problems and coverage
  private final List<PgreachException> problems = new ArrayList<>();
  private int moreProblems;
  /** Resources whose reading found a problem: what depends on them is not reported again. */
  private final Set<ResourceId> failed = new java.util.HashSet<>();
  private final Map<ResourceId, String> outside = new LinkedHashMap<>();
  /** Resources outside the input named by stand-in ids (their real ids are not known). */
  final java.util.Set<ResourceId> standIns = new java.util.LinkedHashSet<>();
  private final SetMultimap<Inventory, ResourceId> complete = LinkedHashMultimap.create();
  private final SetMultimap<Inventory, ResourceId> incomplete = LinkedHashMultimap.create();
  final Set<Inventory> completeKinds = new LinkedHashSet<>();
  boolean whole;

  // ------------------------------------------------------------------ built as reading goes on
  final Map<ResourceId, Optional<Ipv4Address>> publicAddresses = new HashMap<>();
  final Map<ResourceId, Ipv4Address> endpointInterfaceAddresses = new HashMap<>();
  final LinkedHashMap<ResourceId, NetworkSecurityGroup> groups = new LinkedHashMap<>();
  final LinkedHashMap<ResourceId, RouteTable> routeTables = new LinkedHashMap<>();
  final LinkedHashMap<ResourceId, VirtualNetwork> virtualNetworks = new LinkedHashMap<>();
  final Map<ResourceId, Subnet> subnets = new HashMap<>();
  final LinkedHashMap<ResourceId, OnPremisesNetwork> onPremises = new LinkedHashMap<>();
  final Map<ResourceId, ResourceId> circuits = new HashMap<>();
  final LinkedHashMap<ResourceId, VirtualNetworkGateway> gateways = new LinkedHashMap<>();
  final List<GatewayConnection> connections = new ArrayList<>();
  final LinkedHashMap<ResourceId, NetworkInterface> interfaces = new LinkedHashMap<>();
  final LinkedHashMap<ResourceId, FlexibleServer> servers = new LinkedHashMap<>();
  final Map<ResourceId, Node> serverEntries = new java.util.LinkedHashMap<>(); // in document order, so that messages name the later entry
  final Map<ResourceId, FirewallRuleSet> firewallRules = new LinkedHashMap<>();
  final LinkedHashMap<ResourceId, PrivateDnsZone> zones = new LinkedHashMap<>();
  final List<DnsServer> dnsServers = new ArrayList<>();
  final List<PrivateEndpoint> privateEndpoints = new ArrayList<>();
  final List<PrivateEndpointConnection> endpointConnections = new ArrayList<>();
  private final Map<Map<ResourceId, ?>, Map<ResourceId, ? extends List<?>>> childIndex = new java.util.IdentityHashMap<>();

  ArmReader(ResourceInput input, Node companion) {
    this(input, companion, new Ids());
  }

  /** A reader that shares the ids the shapes parsed. */
  ArmReader(ResourceInput input, Node companion, Ids ids) {
    this.arm = Node.root(Json.array(), "$");
    this.companion = companion.requireObject().only(Companion.MEMBERS);
    this.input = input;
    this.ids = ids;
  }

  /** Whether the resources are requests, whose omitted members take Azure's create-time values, rather than exports. */
  boolean requests() {
    return input.requests();
  }

  ArmImport read() {
    guard(this::collectAll);
    guard(() -> CompanionEntries.completeness(this));
    NetworkResources network = new NetworkResources(this);
    network.read();
    ServerResources servers = new ServerResources(this);
    servers.read();
    new DnsResources(this).read();
    new EndpointResources(this).read();
    CompanionEntries entries = new CompanionEntries(this);
    List<dev.pgreach.core.Client> clients = entries.clients();
    if (!problems.isEmpty()) {
      throw PgreachException.several(problems, moreProblems);
    }
    Network built =
        arm.parse(
            () ->
                Network.builder()
                    .addAllVirtualNetworks(virtualNetworks.values())
                    .addAllNetworkInterfaces(interfaces.values())
                    .addAllRouteTables(routeTables.values())
                    .addAllVirtualNetworkGateways(gateways.values())
                    .addAllGatewayConnections(connections)
                    .addAllOnPremisesNetworks(onPremises.values())
                    .addAllFlexibleServers(this.servers.values())
                    .coverage(coverage())
                    .build());
    Estate.Builder estate =
        Estate.builder()
            .network(built)
            .addAllNetworkSecurityGroups(groups.values())
            .putAllFirewallRules(firewallRules)
            .addAllPrivateDnsZones(zones.values())
            .addAllDnsServers(dnsServers)
            .addAllPrivateEndpoints(privateEndpoints)
            .addAllPrivateEndpointConnections(endpointConnections)
            .addAllClients(clients);
    entries.extras(estate);
    if (!problems.isEmpty()) {
      throw PgreachException.several(problems, moreProblems);
    }
    Estate done = arm.parse(estate::build);
    outside.forEach(
        (id, description) ->
            note(id + " is outside the input (" + description + "): what an answer needs from it is not known, and such answers are indeterminate"));
    return new ArmImport(done, resourceCount, skippedTotals(), ImmutableList.copyOf(notes), companion.opt("at").map(Node::instant));
  }

  /** The coverage the reading recorded. */
  Coverage coverage() {
    Coverage.Builder c = Coverage.builder().whole(whole).putAllOutsideInput(outside);
    standIns.stream().filter(outside::containsKey).forEach(c::addStandIns);
    if (!whole) { // a whole input makes every other completeness redundant
      c.addAllCompleteKinds(completeKinds);
      complete.forEach(c::putCompleteInventories);
    }
    incomplete.forEach(c::putIncompleteInventories);
    return c.build();
  }

  private ImmutableSortedMap<String, Integer> skippedTotals() {
    ImmutableSortedMap.Builder<String, Integer> b = ImmutableSortedMap.naturalOrder();
    skippedCounts.forEach((k, v) -> b.put(skippedNames.get(k), v));
    return b.build();
  }

  // ================================================================== problems and coverage

  /** Records an independent problem; reading goes on. */
  void problem(PgreachException e) {
    if (!e.problems().isEmpty()) {
      e.problems().forEach(this::problem);
      return;
    }
    if (problems.size() < MAX_PROBLEMS) {
      problems.add(e);
    } else {
      moreProblems++;
    }
  }

  /** Runs a step, recording any problem it finds; returns whether it succeeded. */
  boolean guard(Runnable step) {
    try {
      step.run();
      return true;
    } catch (PgreachException e) {
      problem(e);
      return false;
    } catch (Node.UnknownValue e) {
      problem(e.node().error(ErrorCode.INVALID_INPUT, "must be known: %s", e.sentence()));
      return false;
    } catch (Dependent e) {
      return false; // the problem it depends on is reported already
    }
  }

  /** Records that reading a resource found a problem. */
  void failed(ResourceId id) {
    failed.add(id);
  }

  /** Whether reading this resource, or one it belongs to, found a problem. */
  boolean failedAround(ResourceId id) {
    for (Optional<ResourceId> at = Optional.of(id); at.isPresent(); at = at.get().parent()) {
      if (failed.contains(at.get())) {
        return true;
      }
    }
    return false;
  }

  /** Thrown where a value cannot be read because a resource it depends on had a problem already reported. */
  static final class Dependent extends RuntimeException {
    private static final long serialVersionUID = 1L;

    Dependent() {
      super(null, null, false, false);
    }
  }

  /** Whether any problem was found so far. */
  boolean failed() {
    return !problems.isEmpty();
  }

  /**
   * Records that a resource the input refers to is not in it, with what it is and where it was
   * referred to. A resource that turns out to be in the input after all is not outside it.
   */
  void outside(ResourceId id, String description) {
    outside.putIfAbsent(id, description);
  }

  /** Forgets that a resource is outside the input (it was read after all). */
  void inside(ResourceId id) {
    outside.remove(id);
  }

  /** Records that the input holds an owner's inventory in full. */
  void complete(Inventory inventory, ResourceId owner) {
    complete.put(inventory, owner);
  }

  /** Records that an owner's inventory is known not to be complete, whatever else says so. */
  void incomplete(Inventory inventory, ResourceId owner) {
    incomplete.put(inventory, owner);
  }

  /**
   * Whether an owner's inventory is known complete from what was read so far (evidence in the input
   * and the companion's declarations, read before any resource is converted).
   */
  boolean isComplete(Inventory inventory, ResourceId owner) {
    if (outside.containsKey(owner) || incomplete.containsEntry(inventory, owner)) {
      return false;
    }
    return whole || completeKinds.contains(inventory) || complete.containsEntry(inventory, owner);
  }

  /** Records a note, starting with the path it concerns. */
  void note(String note) {
    notes.add(note);
  }

  /** Counts a resource of a type pgreach does not read. */
  void skipped(String type) {
    String key = type.toLowerCase(Locale.ROOT);
    skippedNames.putIfAbsent(key, type);
    skippedCounts.merge(key, 1, Integer::sum);
  }

  /** Un-counts a resource that was counted as read but belongs to another service. */
  void notRead() {
    resourceCount--;
  }

  // ================================================================== collecting

  private void collectAll() {
    input.notes().forEach(this::note);
    for (ResourceInput.Entry e : input.resources()) {
      Node root = Node.root(e.resource(), e.path(), e.memberPaths(), ids);
      if (e.uncertain().isPresent()) {
        uncertain(root, e.uncertain().get());
        continue;
      }
      guard(() -> collect(root));
    }
    input.existing().forEach((id, path) -> outside(id, "declared to exist elsewhere, " + path));
    for (ResourceInput.Collection c : input.collections()) {
      Optional<Inventory> inventory = Kind.of(c.childType()).flatMap(Kind::inventory);
      if (inventory.isEmpty() && c.childType().toLowerCase(Locale.ROOT).startsWith("microsoft.network/privatednszones/")) {
        inventory = Optional.of(Inventory.RECORD_SETS);
      }
      inventory.ifPresent(i -> {
        complete(i, c.parent());
        note(c.path() + ": lists " + i.of(c.parent().name()) + " in full");
      });
    }
  }

  /** A resource that may or may not exist: not read, and nothing is known complete because of it. */
  private void uncertain(Node resource, String why) {
    note(resource.path() + ": " + why + "; whether the resource exists is not known, so it is not read and its collection is not known in full");
    try {
      Optional<ResourceId> id = resource.opt("id").filter(n -> n.isText()).flatMap(n -> ids.tryParse(n.text()));
      if (id.isEmpty()) {
        return;
      }
      outside(id.get(), "not read: " + why + ", " + resource.path());
      Optional<Kind> kind = resource.opt("type").filter(Node::isText).flatMap(t -> Kind.of(t.text()));
      if (kind.isPresent() && kind.get().inventory().isPresent() && id.get().parent().isPresent()) {
        incomplete(kind.get().inventory().get(), id.get().parent().get());
      }
    } catch (PgreachException | Node.UnknownValue e) {
      // nothing more can be said about it
    }
  }

  private void collect(Node resource) {
    resource.requireObject();
    Node typeNode = resource.req("type");
    String written = typeNode.nonBlank();
    String type = written;
    Optional<Kind> kind = Kind.of(type);
    if (kind.isEmpty()) {
      // Counted before its id is read, so that ids of other scopes (extension resources,
      // subscriptions) need not parse; an id that parses must agree with the type.
      Optional<Node> idNode = resource.opt("id");
      if (idNode.isPresent()) {
        Optional<ResourceId> id = ids.tryParse(idNode.get().text());
        if (id.isPresent() && !id.get().isOfType(type)) {
          throw idNode.get().error(ErrorCode.INVALID_INPUT, "is a %s id, but the resource's type is %s", id.get().type(), type);
        }
      }
      skipped(type);
      return;
    }
    ResourceId id = idOf(resource, type);
    resourceCount++;
    {
      boolean hasProperties = resource.has("properties") && !resource.req("properties").isUnknown();
      if (hasProperties) {
        resource.req("properties").requireObject();
      }
      add(kind.get(), id, resource, hasProperties);
      inline(kind.get(), id, resource);
    }
  }

  private void add(Kind kind, ResourceId id, Node node, boolean hasProperties) {
    raws.computeIfAbsent(kind, k -> new ArrayList<>()).add(new Raw(kind, id, node, seq++, hasProperties, ids.parent(id).orElse(null)));
  }

  /**
   * Children ARM nests in a parent's properties: subnets, peerings, security rules, routes and a
   * server's private endpoint connections. A nested array that is written lists the parent's whole
   * inventory (a GET shows all of them; a template's PUT replaces them).
   */
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
      case SERVER:
        inlineChildren(resource, "privateEndpointConnections", Kind.SERVER_ENDPOINT_CONNECTION, id);
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
    Optional<Node> array = props.get().requireObject().opt(member);
    if (array.isEmpty()) {
      return;
    }
    if (array.get().isUnknown()) {
      note(array.get().path() + ": not known (" + array.get().whyUnknown().orElse("") + "); " + kind.inventory().orElseThrow().of(parent.name())
          + " are not known in full");
      incomplete(kind.inventory().orElseThrow(), parent);
      return;
    }
    complete(kind.inventory().orElseThrow(), parent);
    for (Node child : array.get().elements()) {
      if (child.isUnknown()) {
        note(child.path() + ": not known (" + child.whyUnknown().orElse("") + "); " + kind.inventory().orElseThrow().of(parent.name()) + " are not known in full");
        incomplete(kind.inventory().orElseThrow(), parent);
        continue;
      }
      guard(() -> {
        child.requireObject();
        ResourceId id;
        if (child.has("id")) {
          Node idNode = child.req("id");
          id = idNode.resourceId(kind.type);
          if (!id.parent().orElseThrow().equals(parent)) {
            throw idNode.error(ErrorCode.INVALID_INPUT, "belongs to %s, not to %s which lists it", id.parent().orElseThrow(), parent);
          }
        } else if (kind == Kind.SERVER_ENDPOINT_CONNECTION && !child.has("name")) {
          // A connection is named after its endpoint when the list gives it no name of its own.
          Node endpoint = child.objectOrEmpty("properties").req("privateEndpoint").req("id");
          String n = endpoint.resourceId().name();
          id = endpoint.parse(() -> parent.child("privateEndpointConnections", n));
        } else {
          Node name = child.req("name");
          String n = name.nonBlank();
          id = name.parse(() -> parent.child(kind.type.substring(kind.type.lastIndexOf('/') + 1), n));
        }
        add(kind, id, child, child.has("properties"));
      });
    }
  }

  /** The resource's id, as written. */
  private ResourceId idOf(Node resource, String type) {
    Optional<Node> idNode = resource.opt("id");
    if (idNode.isEmpty()) {
      throw resource.child("id").error(ErrorCode.INVALID_INPUT, "is required: every resource in a resource list has its id");
    }
    ResourceId id = idNode.get().resourceId();
    if (!id.isOfType(type)) {
      throw idNode.get().error(ErrorCode.INVALID_INPUT, "is a %s id, but the resource's type is %s", id.type(), type);
    }
    return id;
  }

  // ================================================================== shared helpers

  List<Raw> raws(Kind kind) {
    return raws.getOrDefault(kind, List.of());
  }

  /** The first listing of each resource of a kind. */
  List<Raw> unique(Kind kind) {
    Map<ResourceId, Raw> seen = new LinkedHashMap<>();
    raws(kind).forEach(r -> seen.putIfAbsent(r.id(), r));
    return new ArrayList<>(seen.values());
  }

  /** The first listing of each child resource of a kind, by parent, in document order. */
  Map<ResourceId, List<Raw>> uniqueByParent(Kind kind) {
    Map<ResourceId, List<Raw>> out = new HashMap<>();
    for (Raw r : unique(kind)) {
      out.computeIfAbsent(r.parent(), k -> new ArrayList<>()).add(r);
    }
    return out;
  }

  /**
   * Converts every resource of a kind; one listed twice (nested in its parent and on its own) must
   * convert to the same value both times. A resource whose conversion finds a problem is recorded
   * and left out; one whose conversion meets a value that cannot be known is handed to {@code
   * unknown} (which decides what it makes unknown) and left out.
   */
  <T> LinkedHashMap<ResourceId, T> convert(Kind kind, Function<Raw, T> f, java.util.function.BiConsumer<Raw, Node.UnknownValue> unknown) {
    return convert(kind, f, unknown, (a, b) -> a.equals(b) ? a : null);
  }

  /**
   * Converts every resource of a kind as {@link #convert(Kind, Function, java.util.function.BiConsumer)}
   * does; two listings of one resource are merged by {@code merge}, which returns null when they
   * disagree.
   */
  <T> LinkedHashMap<ResourceId, T> convert(
      Kind kind, Function<Raw, T> f, java.util.function.BiConsumer<Raw, Node.UnknownValue> unknown, java.util.function.BinaryOperator<T> merge) {
    LinkedHashMap<ResourceId, T> out = new LinkedHashMap<>();
    Map<ResourceId, Raw> first = new HashMap<>();
    for (Raw r : raws(kind)) {
      T v;
      try {
        v = f.apply(r);
      } catch (PgreachException e) {
        problem(e);
        failed(r.id());
        continue;
      } catch (Node.UnknownValue e) {
        unknown.accept(r, e);
        continue;
      }
      if (v == null) {
        continue;
      }
      T previous = out.get(r.id());
      if (previous == null) {
        out.put(r.id(), v);
        first.put(r.id(), r);
        continue;
      }
      T merged = merge.apply(previous, v);
      if (merged == null) {
        problem(r.node().error(ErrorCode.DUPLICATE_RESOURCE, "lists %s a second time, with other properties than %s", r.id(), first.get(r.id()).node().path()));
      } else {
        out.put(r.id(), merged);
      }
    }
    return out;
  }

  /**
   * The default for a resource whose content cannot be known: it is outside the input, and the
   * inventory of its parent (for a child) is not known in full.
   */
  void unknownResource(Raw r, Node.UnknownValue e) {
    note(e.sentence() + "; " + r.id().name() + " is read as outside the input");
    outside(r.id(), "its " + e.node().path() + " is known only at deployment");
    r.kind().inventory().ifPresent(i -> incomplete(i, r.parent()));
  }

  /** The converted children of one parent, in document order. */
  <T> List<T> childrenOf(LinkedHashMap<ResourceId, T> children, ResourceId parent) {
    @SuppressWarnings("unchecked")
    Map<ResourceId, List<T>> byParent =
        (Map<ResourceId, List<T>>) (Map<ResourceId, ?>) childIndex.computeIfAbsent(children, c -> {
          Map<ResourceId, List<Object>> index = new HashMap<>();
          c.forEach((id, v) -> index.computeIfAbsent(id.parent().orElseThrow(), k -> new ArrayList<>()).add(v));
          return index;
        });
    return byParent.getOrDefault(parent, List.of());
  }

  /**
   * A reference to another resource: kept whether or not the input holds it, and recorded as
   * outside the input when it does not.
   */
  ResourceId reference(Node idNode, String type, Map<ResourceId, ?> known, String what) {
    ResourceId id = idNode.resourceId(type);
    if (!known.containsKey(id)) {
      outside(id, what + ", referred to by " + idNode.path());
    }
    return id;
  }

  /** The resource a companion entry is about: its {@code id}, or its {@code name} among the ARM resources of that type. */
  static ResourceId target(Node entry, String type, java.util.Collection<ResourceId> known, String what, boolean mayBeNew) {
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
  static ResourceId byName(Node nameNode, java.util.Collection<ResourceId> known, String what) {
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
}
