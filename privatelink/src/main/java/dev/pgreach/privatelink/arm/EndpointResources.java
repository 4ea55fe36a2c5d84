package dev.pgreach.privatelink.arm;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnection;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import dev.pgreach.privatelink.arm.ArmReader.Kind;
import dev.pgreach.privatelink.arm.ArmReader.Raw;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads private endpoints to flexible servers with their DNS zone groups, and the private endpoint
 * connections servers list themselves ({@code properties.privateEndpointConnections}, nested or on
 * their own).
 *
 * <p>In an open world: an endpoint's subnet, server or zones that the input does not hold are
 * outside the input; an endpoint whose address the input does not give (a template before
 * deployment) is outside the input too, but its server is still known to have an endpoint; a
 * connection without a status is {@link PrivateEndpointConnectionState#UNKNOWN}, never assumed
 * Approved or Pending, unless the companion document or the server's own list gives it. Endpoints
 * of other services (storage accounts, key vaults …) are counted as skipped.
 */
final class EndpointResources {
  private final ArmReader r;
  private final Map<ResourceId, List<Raw>> zoneGroupsByEndpoint = new HashMap<>();
  /** The status each server's own list gives each endpoint, by endpoint id. */
  private final Map<ResourceId, Node> serverSide = new HashMap<>();

  EndpointResources(ArmReader r) {
    this.r = r;
  }

  void read() {
    r.guard(this::serverConnections);
    r.guard(this::privateEndpoints);
  }

  /** The connections servers list themselves; each names an endpoint, in or outside the input. */
  private void serverConnections() {
    LinkedHashMap<ResourceId, PrivateEndpointConnection> read =
        r.convert(
            Kind.SERVER_ENDPOINT_CONNECTION,
            raw -> {
              Node p = raw.props();
              Node id = p.req("privateEndpoint").req("id");
              ResourceId endpoint = id.resourceId(PrivateEndpoint.RESOURCE_TYPE);
              Optional<Node> status = p.opt("privateLinkServiceConnectionState").flatMap(s -> s.opt("status"));
              status.ifPresent(s -> serverSide.putIfAbsent(endpoint, s));
              PrivateEndpointConnectionState state =
                  status.filter(s -> !s.isUnknown()).map(s -> s.choice(PrivateEndpointConnectionState.class, ArmNames::state)).orElse(PrivateEndpointConnectionState.UNKNOWN);
              return raw.node().parse(() -> new PrivateEndpointConnection(raw.parent(), endpoint, state));
            },
            r::unknownResource);
    for (PrivateEndpointConnection c : read.values()) {
      if (!r.servers.containsKey(c.server())) {
        r.outside(c.server(), "the server of private endpoint connection to " + c.privateEndpoint().name());
      }
      r.endpointConnections.add(c);
    }
  }

  private void privateEndpoints() {
    Map<ResourceId, Boolean> toServers = new LinkedHashMap<>();
    for (Raw raw : r.unique(Kind.PRIVATE_ENDPOINT)) {
      r.guard(() -> {
        if (!raw.hasProperties()) {
          toServers.put(raw.id(), true);
          return;
        }
        Node targetNode = endpointConnection(raw).req("privateLinkServiceId");
        Optional<ResourceId> target = targetNode.isUnknown() ? Optional.empty() : Optional.of(targetNode.resourceId());
        boolean toServer = target.map(t -> t.isOfType(FlexibleServer.RESOURCE_TYPE)).orElse(true);
        toServers.put(raw.id(), toServer);
        if (!toServer) {
          r.skipped(PrivateEndpoint.RESOURCE_TYPE + " to " + target.get().type());
          r.notRead();
        }
      });
    }
    LinkedHashMap<ResourceId, List<ResourceId>> zoneGroups =
        r.convert(Kind.ZONE_GROUP, raw -> toServers.getOrDefault(raw.parent(), true) ? zoneGroup(raw) : null, r::unknownResource);
    zoneGroupsByEndpoint.putAll(r.uniqueByParent(Kind.ZONE_GROUP));
    for (ResourceId endpoint : zoneGroupsByEndpoint.keySet()) {
      if (!toServers.containsKey(endpoint)) {
        r.outside(endpoint, "the private endpoint of DNS zone group " + zoneGroupsByEndpoint.get(endpoint).get(0).node().path());
        r.note(zoneGroupsByEndpoint.get(endpoint).get(0).node().path() + ": private endpoint " + endpoint.name()
            + " is not in the input; the records its zone group writes are not known");
        zoneGroupsByEndpoint.get(endpoint).forEach(g -> zoneGroups.getOrDefault(g.id(), List.of()).forEach(zone -> r.incomplete(Inventory.RECORD_SETS, zone)));
      }
    }
    Map<ResourceId, Node> entries = new HashMap<>();
    for (Node e : r.companion.list("privateEndpoints")) {
      r.guard(() -> {
        e.requireObject().only("id", "name", "requestingTenant", "connectionState");
        ResourceId id = ArmReader.target(e, PrivateEndpoint.RESOURCE_TYPE, toServers.keySet(), "private endpoint", false);
        if (!toServers.get(id)) {
          throw e.error(ErrorCode.INVALID_INPUT, "names private endpoint %s, which does not connect to a flexible server", id);
        }
        if (entries.put(id, e) != null) {
          throw e.error(ErrorCode.DUPLICATE_RESOURCE, "is a second entry for %s", id);
        }
      });
    }
    LinkedHashMap<ResourceId, PrivateEndpoint> read =
        r.convert(
            Kind.PRIVATE_ENDPOINT,
            raw -> toServers.getOrDefault(raw.id(), false) ? privateEndpoint(raw, zoneGroups, entries) : null,
            this::unknownEndpoint);
    r.privateEndpoints.addAll(read.values());
    // A connection to an endpoint the estate holds says nothing the endpoint does not.
    r.endpointConnections.removeIf(c -> read.containsKey(c.privateEndpoint()));
    for (PrivateEndpointConnection c : r.endpointConnections) {
      r.outside(c.privateEndpoint(), "a private endpoint server " + c.server().name() + " lists among its connections");
    }
  }

  /**
   * An endpoint whose content cannot be known: outside the input, and its subnet's endpoints are
   * not known in full; its server still has an endpoint, in a state that is not known.
   */
  private void unknownEndpoint(Raw raw, Node.UnknownValue e) {
    r.unknownResource(raw, e);
    targetServer(raw).ifPresent(server -> connection(raw, server, PrivateEndpointConnectionState.UNKNOWN));
    raw.props().opt("subnet").flatMap(s -> s.opt("id")).filter(n -> !n.isUnknown()).ifPresent(n -> r.incomplete(Inventory.PRIVATE_ENDPOINTS, n.resourceId()));
  }

  private Optional<ResourceId> targetServer(Raw raw) {
    try {
      Node target = endpointConnection(raw).req("privateLinkServiceId");
      return target.isUnknown() ? Optional.empty() : Optional.of(target.resourceId(FlexibleServer.RESOURCE_TYPE));
    } catch (dev.pgreach.core.PgreachException | Node.UnknownValue e) {
      return Optional.empty();
    }
  }

  /** Records that a server has an endpoint the estate does not hold, as its own list would. */
  private void connection(Raw raw, ResourceId server, PrivateEndpointConnectionState state) {
    if (r.endpointConnections.stream().noneMatch(c -> c.privateEndpoint().equals(raw.id()))) {
      r.endpointConnections.add(new PrivateEndpointConnection(server, raw.id(), state));
    }
    if (!r.servers.containsKey(server)) {
      r.outside(server, "the server of private endpoint " + raw.id().name());
    }
  }

  /** The one connection of an endpoint, automatic or manual. */
  private static Node endpointConnection(Raw raw) {
    Node p = raw.props();
    List<Node> automatic = p.list("privateLinkServiceConnections");
    List<Node> manual = p.list("manualPrivateLinkServiceConnections");
    if (automatic.size() + manual.size() != 1) {
      throw p.child("privateLinkServiceConnections").error(
          ErrorCode.INVALID_INPUT, "must hold one connection (automatic or manual), not %d", automatic.size() + manual.size());
    }
    return (automatic.isEmpty() ? manual : automatic).get(0).objectOrEmpty("properties");
  }

  private List<ResourceId> zoneGroup(Raw raw) {
    List<ResourceId> out = new java.util.ArrayList<>();
    for (Node c : raw.props().list("privateDnsZoneConfigs")) {
      Node zone = c.objectOrEmpty("properties").opt("privateDnsZoneId").orElseGet(() -> c.req("privateDnsZoneId"));
      out.add(r.reference(zone, PrivateDnsZone.RESOURCE_TYPE, r.zones, "a private DNS zone of zone group " + raw.id().name()));
    }
    return out;
  }

  private PrivateEndpoint privateEndpoint(Raw raw, LinkedHashMap<ResourceId, List<ResourceId>> zoneGroups, Map<ResourceId, Node> entries) {
    if (!raw.hasProperties()) {
      r.note(raw.node().path() + ": private endpoint " + raw.id().name() + " has no properties in the input; it is read as outside the input");
      r.outside(raw.id(), "listed without its properties, " + raw.node().path());
      // Which server it connects to is not known either: any server's endpoint connections may
      // include it, whatever the input declares complete.
      r.servers.keySet().forEach(s -> r.incomplete(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, s));
      return null;
    }
    Node p = raw.props();
    boolean automatic = !p.list("privateLinkServiceConnections").isEmpty();
    Node c = endpointConnection(raw);
    Node targetNode = c.req("privateLinkServiceId");
    ResourceId target = r.reference(targetNode, FlexibleServer.RESOURCE_TYPE, r.servers, "the server of private endpoint " + raw.id().name());
    Optional<Ipv4Address> address = endpointAddress(raw, p);
    PrivateEndpointConnectionState state = connectionState(raw, c, target, automatic, Optional.ofNullable(entries.get(raw.id())));
    Node subnetId = p.req("subnet").req("id");
    ResourceId subnet = r.reference(subnetId, Subnet.RESOURCE_TYPE, r.subnets, "the subnet of private endpoint " + raw.id().name());
    if (address.isEmpty()) {
      r.note(p.child("ipConfigurations").path() + ": private endpoint " + raw.id().name()
          + " has no private address in the input (Azure allocates it at deployment); it is read as outside the input, and its server as having an endpoint");
      r.outside(raw.id(), "a private endpoint whose address is not known, " + raw.node().path());
      r.incomplete(Inventory.PRIVATE_ENDPOINTS, subnet);
      // the A record its zone group writes holds that address: the zones' records are not known in full
      zoneGroupsByEndpoint.getOrDefault(raw.id(), List.of()).forEach(g -> zoneGroups.getOrDefault(g.id(), List.of()).forEach(zone -> r.incomplete(Inventory.RECORD_SETS, zone)));
      connection(raw, target, state);
      return null;
    }
    PrivateEndpoint.Builder b =
        PrivateEndpoint.builder()
            .id(raw.id())
            .region(endpointRegion(raw))
            .subnet(subnet)
            .privateAddress(address.get())
            .targetServer(target)
            .connectionState(state);
    List<Node> groupIds = c.list("groupIds");
    if (!groupIds.isEmpty()) {
      b.groupId(groupIds.get(0).nonBlank());
    }
    List<Raw> groupsOfThis = zoneGroupsByEndpoint.getOrDefault(raw.id(), List.of());
    if (groupsOfThis.size() > 1) {
      throw groupsOfThis.get(1).node().error(ErrorCode.INVALID_INPUT, "is a second DNS zone group of %s; an endpoint has one", raw.id().name());
    }
    groupsOfThis.forEach(g -> {
      List<ResourceId> zones = zoneGroups.get(g.id());
      if (zones != null) {
        b.addAllPrivateDnsZones(zones);
      }
    });
    Optional.ofNullable(entries.get(raw.id())).flatMap(e -> e.opt("requestingTenant")).ifPresent(t -> b.requestingTenant(t.nonBlank()));
    return raw.node().parse(b::build);
  }

  /**
   * An endpoint's connection state: the companion's {@code connectionState}, else the status the
   * endpoint's connection gives, else the status the server's own list gives for this endpoint,
   * else {@link PrivateEndpointConnectionState#UNKNOWN}, with a note. Approval is automatic only
   * when whoever creates the endpoint holds the server's approval permission, which the input does
   * not say, so a connection without a status is never taken to be Approved, nor Pending.
   */
  private PrivateEndpointConnectionState connectionState(Raw raw, Node connection, ResourceId server, boolean automatic, Optional<Node> entry) {
    Optional<Node> given = entry.flatMap(e -> e.opt("connectionState"));
    if (given.isPresent()) {
      return given.get().choice(PrivateEndpointConnectionState.class, ArmNames::state);
    }
    Optional<Node> status = connection.opt("privateLinkServiceConnectionState").flatMap(s -> s.opt("status"));
    if (status.isEmpty() || status.get().isUnknown()) {
      status = Optional.ofNullable(serverSide.get(raw.id())).filter(s -> !s.isUnknown()).or(() -> Optional.empty());
    }
    if (status.isPresent() && !status.get().isUnknown()) {
      return status.get().choice(PrivateEndpointConnectionState.class, ArmNames::state);
    }
    r.note(connection.path() + ".privateLinkServiceConnectionState.status: the " + (automatic ? "" : "manual ") + "connection of private endpoint "
        + raw.id().name() + " to server " + server.name() + " gives no status, so its state is unknown; approval is automatic only when whoever"
        + " creates the endpoint holds the server's private endpoint connection approval permission, which the input does not say"
        + " (give privateEndpoints[].connectionState in the companion document)");
    return PrivateEndpointConnectionState.UNKNOWN;
  }

  /** From a static ip configuration, the custom DNS configuration, or the endpoint's network interface; empty when none gives it. */
  private Optional<Ipv4Address> endpointAddress(Raw raw, Node p) {
    for (Node c : p.list("ipConfigurations")) {
      Node cp = c.objectOrEmpty("properties");
      boolean ours = cp.optText("groupId").map(g -> g.equalsIgnoreCase(PrivateEndpoint.GROUP_ID)).orElse(true);
      Optional<Node> a = cp.opt("privateIPAddress");
      if (ours && a.isPresent() && !a.get().isUnknown()) {
        return Optional.of(a.get().address());
      }
    }
    for (Node d : p.list("customDnsConfigs")) {
      for (Node a : d.list("ipAddresses")) {
        if (!a.isUnknown() && a.text().indexOf(':') < 0) {
          return Optional.of(a.address());
        }
      }
    }
    return Optional.ofNullable(r.endpointInterfaceAddresses.get(raw.id()));
  }

  /**
   * An endpoint's region: its {@code location}, or not known when the input does not show it (a
   * template value known only at deployment, an export without it), with a note; never a default.
   */
  private Optional<Region> endpointRegion(Raw raw) {
    Optional<Node> location = raw.node().opt("location");
    if (location.isPresent() && !location.get().isUnknown()) {
      return Optional.of(NetworkResources.region(raw.node()));
    }
    r.note(raw.node().path() + ".location: the region of private endpoint " + raw.id().name() + " is not in the input"
        + location.flatMap(Node::whyUnknown).map(w -> " (" + w + ")").orElse("")
        + "; it is read with its region unknown, and nothing that depends on its region is decided from it");
    return Optional.empty();
  }
}
