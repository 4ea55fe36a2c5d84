package dev.pgreach.privatelink.arm;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.ConditionalForwarder;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.ResolutionPolicy;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.privatelink.arm.ArmReader.Kind;
import dev.pgreach.privatelink.arm.ArmReader.Raw;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads private DNS zones with their virtual network links and A and CNAME record sets, DNS
 * Private Resolver inbound endpoints, and the companion's DNS servers.
 *
 * <p>In an open world: links and record sets of a zone the input does not hold make a partial
 * zone, with the links and records the input shows (its inventories are not known in full unless
 * the document is the zone's whole list); a link or record set with a value known only at
 * deployment is left out, and the zone's links or record sets are then not known in full.
 */
final class DnsResources {
  private final ArmReader r;

  DnsResources(ArmReader r) {
    this.r = r;
  }

  void read() {
    r.guard(this::privateDnsZones);
    r.guard(this::inboundEndpoints);
    r.guard(this::companionDnsServers);
  }

  private void privateDnsZones() {
    LinkedHashMap<ResourceId, VirtualNetworkLink> links = r.convert(Kind.ZONE_LINK, this::link, this::unknownLink);
    LinkedHashMap<ResourceId, List<DnsRecord>> records = r.convert(Kind.A_RECORDS, this::aRecords, r::unknownResource);
    LinkedHashMap<ResourceId, List<DnsRecord>> cnames = r.convert(Kind.CNAME_RECORD, this::cnameRecord, r::unknownResource);
    LinkedHashMap<ResourceId, Raw> read = r.convert(Kind.PRIVATE_DNS_ZONE, raw -> raw, r::unknownResource);
    // Record sets in document order, A and CNAME together.
    List<Raw> sets = new ArrayList<>(r.unique(Kind.A_RECORDS));
    sets.addAll(r.unique(Kind.CNAME_RECORD));
    sets.sort((a, b) -> Integer.compare(a.seq(), b.seq()));
    Map<ResourceId, List<Raw>> setsByZone = new HashMap<>();
    sets.forEach(set -> setsByZone.computeIfAbsent(set.parent(), k -> new ArrayList<>()).add(set));
    List<ResourceId> owners = new ArrayList<>(read.keySet());
    List<Raw> children = new ArrayList<>(r.unique(Kind.ZONE_LINK));
    children.addAll(sets);
    Map<ResourceId, Node> firstChild = new HashMap<>(); // where a zone known only from its children is named
    for (Raw child : children) {
      if (!read.containsKey(child.parent()) && !owners.contains(child.parent())) {
        owners.add(child.parent());
        firstChild.put(child.parent(), child.node());
        r.note(child.node().path() + ": private DNS zone " + child.parent().name()
            + " is not in the input; it is read with the links and record sets the input shows, which may not be all of them");
      }
    }
    for (ResourceId id : owners) {
      r.guard(() -> {
        PrivateDnsZone.Builder b = PrivateDnsZone.builder().id(id);
        for (Raw set : setsByZone.getOrDefault(id, List.of())) {
          List<DnsRecord> in = (set.kind() == Kind.A_RECORDS ? records : cnames).get(set.id());
          if (in != null) {
            b.addAllRecords(in);
          }
        }
        b.addAllVirtualNetworkLinks(r.childrenOf(links, id));
        Node at = read.containsKey(id) ? read.get(id).node() : firstChild.getOrDefault(id, r.arm);
        r.zones.put(id, at.parse(b::build));
      });
    }
  }

  /**
   * A link with a value known only at deployment: it is outside the input, its zone's links are
   * not known in full, and the zones linked to the network it names are not either — to every
   * network in the input when which network it links is itself unknown. Otherwise a network whose
   * zones the companion declares complete would answer from public DNS as if the link could not
   * exist.
   */
  private void unknownLink(Raw raw, Node.UnknownValue e) {
    r.unknownResource(raw, e);
    Optional<Node> network =
        raw.node().opt("properties").flatMap(p -> p.opt("virtualNetwork")).flatMap(v -> v.opt("id")).filter(n -> !n.isUnknown());
    Optional<ResourceId> known = network.flatMap(n -> ResourceId.tryParse(n.json().asText()));
    if (known.isPresent()) {
      r.incomplete(Inventory.LINKED_PRIVATE_DNS_ZONES, known.get());
    } else {
      r.virtualNetworks.keySet().forEach(v -> r.incomplete(Inventory.LINKED_PRIVATE_DNS_ZONES, v));
    }
  }

  private VirtualNetworkLink link(Raw raw) {
    Node p = raw.props();
    VirtualNetworkLink.Builder b =
        VirtualNetworkLink.builder().id(raw.id()).virtualNetwork(p.req("virtualNetwork").req("id").resourceId(VirtualNetwork.RESOURCE_TYPE));
    p.optBool("registrationEnabled").ifPresent(b::registrationEnabled);
    p.opt("resolutionPolicy").ifPresent(x -> b.resolutionPolicy(x.choice(ResolutionPolicy.class, ArmNames::resolutionPolicy)));
    return raw.node().parse(b::build);
  }

  private static Optional<Duration> ttl(Node p) {
    return p.opt("ttl").map(t -> Duration.ofSeconds(t.integer(0, Integer.MAX_VALUE)));
  }

  private static RecordName recordName(Raw raw) {
    String name = raw.id().name();
    return raw.node().parse(() -> RecordName.parse(name));
  }

  private List<DnsRecord> aRecords(Raw raw) {
    Node p = raw.props();
    RecordName name = recordName(raw);
    Optional<Duration> ttl = ttl(p);
    List<DnsRecord> out = new ArrayList<>();
    for (Node a : p.list("aRecords")) {
      Ipv4Address address = a.req("ipv4Address").address();
      out.add(a.parse(() -> new DnsRecord.A(name, address, ttl)));
    }
    return out;
  }

  private List<DnsRecord> cnameRecord(Raw raw) {
    Node p = raw.props();
    RecordName name = recordName(raw);
    Node target = p.req("cnameRecord").req("cname");
    String text = target.nonBlank();
    DnsName dnsName = target.parse(() -> DnsName.parse(text));
    Optional<Duration> ttl = ttl(p);
    return List.of(raw.node().parse(() -> new DnsRecord.Cname(name, dnsName, ttl)));
  }

  private void inboundEndpoints() {
    r.convert(Kind.DNS_RESOLVER, raw -> raw, r::unknownResource);
    for (DnsServer s : r.convert(Kind.INBOUND_ENDPOINT, this::inboundEndpoint, r::unknownResource).values()) {
      r.dnsServers.add(s);
    }
  }

  private DnsServer inboundEndpoint(Raw raw) {
    List<Node> configs = raw.props().list("ipConfigurations");
    if (configs.size() != 1) {
      throw raw.props().child("ipConfigurations").error(ErrorCode.INVALID_INPUT, "must hold one ip configuration, not %d", configs.size());
    }
    Node c = configs.get(0).has("subnet") ? configs.get(0) : configs.get(0).objectOrEmpty("properties");
    Node subnetId = c.req("subnet").req("id");
    ResourceId subnet = subnetId.resourceId(Subnet.RESOURCE_TYPE);
    Ipv4Address address = c.req("privateIpAddress").address();
    if (!r.subnets.containsKey(subnet)) {
      r.outside(subnet, "the subnet of inbound endpoint " + raw.id().name() + ", referred to by " + subnetId.path());
      r.note(subnetId.path() + ": inbound endpoint " + raw.id().name() + " is in subnet " + subnet.name()
          + ", which is not in the input; what it answers is not modelled");
      return null;
    }
    return raw.node().parse(
        () ->
            DnsServer.builder()
                .id(raw.id())
                .kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT)
                .location(ClientLocation.InVirtualNetwork.of(subnet, address))
                .build());
  }

  private void companionDnsServers() {
    CompanionEntries entries = new CompanionEntries(r);
    for (Node d : r.companion.list("dnsServers")) {
      r.guard(() -> {
        d.requireObject().only("id", "name", "location", "forwarders", "conditionalForwarders");
        ClientLocation location = entries.location(d.req("location"));
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
        r.dnsServers.add(d.parse(b::build));
      });
    }
  }

  /** A DNS server's address must be inside its subnet or on-premises network. */
  private void requireInside(Node at, ClientLocation location) {
    if (location instanceof ClientLocation.InVirtualNetwork) {
      Subnet subnet = r.subnets.get(((ClientLocation.InVirtualNetwork) location).subnet());
      if (!subnet.addressPrefix().contains(location.address())) {
        throw at.error(ErrorCode.INVALID_VALUE, "puts %s outside subnet %s (%s)", location.address(), subnet.name(), subnet.addressPrefix());
      }
    } else if (location instanceof ClientLocation.OnPremises) {
      OnPremisesNetwork o = r.onPremises.get(((ClientLocation.OnPremises) location).network());
      if (!o.addresses().contains(location.address())) {
        throw at.error(ErrorCode.INVALID_VALUE, "puts %s outside the prefixes of on-premises network %s (%s)", location.address(), o.name(), o.addressPrefixes());
      }
    }
  }
}
