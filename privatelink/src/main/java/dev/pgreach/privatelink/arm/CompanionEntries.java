package dev.pgreach.privatelink.arm;

import com.google.common.collect.ImmutableSet;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.dns.DnsName;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.ArmReader.Kind;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads what the companion document adds to the ARM input: its declarations of completeness, the
 * clients and their places, and the estate-wide extras (public endpoint labels, Azure and service
 * tag ranges, dropped servers).
 *
 * <p>A companion's {@code complete} member declares what the input holds in full: {@code true}
 * for the whole input (every inventory of every resource in it), or a list whose entries are an
 * inventory's name ({@code "firewallRules"}: that inventory of every owner in the input) or an
 * object {@code {"inventory": "recordSets", "of": "<owner id or name>"}} (one owner's). The names
 * are those of {@link Inventory#inputName()}.
 */
final class CompanionEntries {
  private final ArmReader r;

  CompanionEntries(ArmReader r) {
    this.r = r;
  }

  /** Reads the companion's {@code complete} declaration into the reader's coverage. */
  static void completeness(ArmReader r) {
    Optional<Node> complete = r.companion.opt("complete");
    if (complete.isEmpty()) {
      return;
    }
    Node c = complete.get();
    if (c.json().isBoolean()) {
      r.whole = c.bool();
      return;
    }
    if (!c.isArray()) {
      throw c.error(ErrorCode.INVALID_INPUT, "must be true, false, or a list of inventories (such as \"firewallRules\") or {\"inventory\": …, \"of\": …} objects");
    }
    for (Node e : c.elements()) {
      r.guard(() -> {
        if (e.isText()) {
          r.completeKinds.add(inventory(e));
          return;
        }
        e.requireObject().only("inventory", "of");
        Inventory inventory = inventory(e.req("inventory"));
        r.complete(inventory, owner(r, inventory, e.req("of")));
      });
    }
  }

  private static Inventory inventory(Node n) {
    String t = n.nonBlank();
    return Inventory.fromInputName(t)
        .orElseThrow(() -> {
          List<String> names = new ArrayList<>();
          for (Inventory i : Inventory.values()) {
            names.add(i.inputName());
          }
          return n.error(ErrorCode.INVALID_INPUT, "is not an inventory; expected one of %s", String.join(", ", names));
        });
  }

  /** The owner an inventory declaration names, by id or by name among the input's resources of the owner's kind. */
  private static ResourceId owner(ArmReader r, Inventory inventory, Node of) {
    String t = of.nonBlank();
    if (t.startsWith("/")) {
      return of.resourceId();
    }
    Set<ResourceId> known = new LinkedHashSet<>();
    for (Kind k : ownerKinds(inventory)) {
      r.raws(k).forEach(raw -> known.add(raw.id()));
    }
    return ArmReader.byName(of, known, "owner of " + inventory.inputName());
  }

  private static List<Kind> ownerKinds(Inventory inventory) {
    switch (inventory) {
      case SUBNETS:
      case VIRTUAL_NETWORK_PEERINGS:
      case LINKED_PRIVATE_DNS_ZONES:
        return List.of(Kind.VIRTUAL_NETWORK);
      case NETWORK_INTERFACES:
      case PRIVATE_ENDPOINTS:
      case FLEXIBLE_SERVERS:
        return List.of(Kind.SUBNET);
      case CONNECTIONS:
        return List.of(Kind.GATEWAY, Kind.LOCAL_GATEWAY);
      case ROUTES:
        return List.of(Kind.ROUTE_TABLE);
      case SECURITY_RULES:
        return List.of(Kind.NETWORK_SECURITY_GROUP);
      case FIREWALL_RULES:
      case CONFIGURATIONS:
      case PRIVATE_ENDPOINT_CONNECTIONS:
        return List.of(Kind.SERVER);
      case RECORD_SETS:
      case VIRTUAL_NETWORK_LINKS:
        return List.of(Kind.PRIVATE_DNS_ZONE);
      case DNS_SERVERS:
        return List.of(Kind.VIRTUAL_NETWORK, Kind.LOCAL_GATEWAY);
      default:
        return List.of(Kind.PRIVATE_ENDPOINT);
    }
  }

  // ------------------------------------------------------------------ clients

  List<Client> clients() {
    List<Client> out = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node c : r.companion.list("clients")) {
      r.guard(() -> {
        c.requireObject().only("name", "location", "tls");
        String name = c.req("name").nonBlank();
        if (!names.add(name)) {
          throw c.req("name").error(ErrorCode.DUPLICATE_RESOURCE, "is the name of another client too");
        }
        Client.Builder b = Client.builder().name(name).location(location(c.req("location")));
        c.opt("tls").ifPresent(t -> b.tlsVersions(tls(t)));
        out.add(c.parse(b::build));
      });
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

  /** A place, as the companion document writes it; it must be in the ARM input, and the address inside it. */
  ClientLocation location(Node l) {
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
    Optional<Ipv4Address> outbound = l.opt("outboundPublicAddress").map(CompanionEntries::publicAddress);
    switch (kinds.get(0)) {
      case "nic": {
        l.only("nic", "outboundPublicAddress");
        NetworkInterface nic = r.interfaces.get(find(l.req("nic"), r.interfaces.keySet(), "network interface"));
        if (!r.subnets.containsKey(nic.subnet()) && r.failedAround(nic.subnet())) {
          throw new ArmReader.Dependent();
        }
        if (!r.subnets.containsKey(nic.subnet())) {
          throw l.req("nic").error(ErrorCode.DANGLING_REFERENCE, "names network interface %s, whose subnet %s is not in the ARM input", nic.name(), nic.subnet());
        }
        return l.parse(() -> new ClientLocation.InVirtualNetwork(nic.subnet(), nic.privateAddress(), outbound, Optional.of(nic.id())));
      }
      case "subnet": {
        l.only("subnet", "address", "outboundPublicAddress", "nic");
        ResourceId subnet = findSubnet(l.req("subnet"));
        Optional<ResourceId> nic = l.opt("nic").map(n -> find(n, r.interfaces.keySet(), "network interface"));
        Node addressNode = l.req("address");
        Ipv4Address address = addressNode.address();
        Subnet s = r.subnets.get(subnet);
        if (!s.addressPrefix().contains(address)) {
          throw addressNode.error(ErrorCode.INVALID_VALUE, "is outside subnet %s (%s)", s.name(), s.addressPrefix());
        }
        return l.parse(() -> new ClientLocation.InVirtualNetwork(subnet, address, outbound, nic));
      }
      case "onPremises": {
        l.only("onPremises", "address", "outboundPublicAddress");
        ResourceId network = find(l.req("onPremises"), r.onPremises.keySet(), "on-premises network");
        Node addressNode = l.req("address");
        Ipv4Address address = addressNode.address();
        OnPremisesNetwork o = r.onPremises.get(network);
        if (!o.addresses().contains(address)) {
          throw addressNode.error(ErrorCode.INVALID_VALUE, "is outside the prefixes of on-premises network %s (%s)", o.name(), o.addressPrefixes());
        }
        return l.parse(() -> new ClientLocation.OnPremises(network, address, outbound));
      }
      case "internet": {
        l.only("internet");
        Ipv4Address address = publicAddress(l.req("internet"));
        return l.parse(() -> new ClientLocation.Internet(address));
      }
      default: {
        l.only("azure", "tenant");
        String tenant = l.opt("tenant").map(Node::nonBlank).orElse(ArmReader.UNKNOWN_TENANT);
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

  /** A resource by id or by name; it must be in the ARM input. */
  private ResourceId find(Node ref, java.util.Collection<ResourceId> known, String what) {
    String t = ref.nonBlank();
    if (t.startsWith("/")) {
      ResourceId id = ref.resourceId();
      if (!known.contains(id) && r.failedAround(id)) {
        throw new ArmReader.Dependent();
      }
      if (!known.contains(id)) {
        throw ref.error(ErrorCode.DANGLING_REFERENCE, "names %s %s, which is not in the ARM input", what, id);
      }
      return id;
    }
    return ArmReader.byName(ref, known, what);
  }

  /** A subnet by id, or as {@code vnet/subnet}. */
  private ResourceId findSubnet(Node ref) {
    String t = ref.nonBlank();
    if (t.startsWith("/")) {
      return find(ref, r.subnets.keySet(), "subnet");
    }
    int slash = t.indexOf('/');
    if (slash <= 0 || slash != t.lastIndexOf('/') || slash == t.length() - 1) {
      throw ref.error(ErrorCode.INVALID_INPUT, "must be a subnet id or virtual-network/subnet");
    }
    String vnet = t.substring(0, slash);
    String name = t.substring(slash + 1);
    List<ResourceId> found =
        r.subnets.keySet().stream()
            .filter(s -> s.name().equalsIgnoreCase(name) && s.parent().orElseThrow().name().equalsIgnoreCase(vnet))
            .toList();
    if (found.size() != 1) {
      throw ref.error(found.isEmpty() ? ErrorCode.DANGLING_REFERENCE : ErrorCode.INVALID_INPUT, found.isEmpty() ? "names no subnet in the ARM input" : "names several subnets; give the id");
    }
    return found.get(0);
  }

  // ------------------------------------------------------------------ estate-wide extras

  void extras(Estate.Builder estate) {
    Map<ServerName, ResourceId> labelled = new java.util.HashMap<>();
    for (Map.Entry<ResourceId, Node> e : r.serverEntries.entrySet()) {
      r.guard(() -> {
        Optional<Node> label = e.getValue().opt("publicEndpointLabel");
        if (label.isPresent()) {
          String text = label.get().nonBlank();
          DnsName parsed = label.get().parse(() -> DnsName.parse(text));
          if (parsed.labelCount() != 1) {
            throw label.get().error(ErrorCode.INVALID_DNS_NAME, "must be one DNS label, such as rs-0123456789abcdef0123456789abcd");
          }
          ServerName name = label.get().parse(() -> ServerName.parse(e.getKey().name().toLowerCase(java.util.Locale.ROOT)));
          ResourceId earlier = labelled.putIfAbsent(name, e.getKey());
          if (earlier != null) {
            throw label.get().error(
                ErrorCode.DUPLICATE_RESOURCE,
                "is a second public endpoint label for server name %s (%s has one already); a server's name is its global DNS name, so one name is one server",
                name,
                earlier);
          }
          estate.putPublicEndpointLabels(name, parsed);
        }
      });
    }
    r.guard(() -> r.companion.opt("azureRanges").ifPresent(azure -> estate.azureRanges(ranges(azure))));
    Set<String> tags = new HashSet<>();
    for (Map.Entry<String, Node> tag : r.companion.opt("serviceTagRanges").map(Node::requireObject).map(Node::members).orElse(List.of())) {
      r.guard(() -> {
        if (!tags.add(tag.getKey().toLowerCase(java.util.Locale.ROOT))) {
          throw tag.getValue().error(ErrorCode.INVALID_INPUT, "names service tag %s a second time (tag names are case-insensitive)", tag.getKey());
        }
        estate.putServiceTagRanges(tag.getKey(), ranges(tag.getValue()));
      });
    }
    for (Node n : r.companion.list("droppedServersWithPrivateEndpoints")) {
      r.guard(() -> {
        String text = n.text();
        estate.addDroppedServersWithPrivateEndpoints(n.parse(() -> ServerName.parse(text)));
      });
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
