package dev.pgreach.privatelink.testing;

import com.google.common.collect.ImmutableSet;
import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.ConditionalForwarder;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.RecordName;
import dev.pgreach.dns.ResolutionPolicy;
import dev.pgreach.dns.Resolver;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.dns.ZoneName;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnection;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The second half of an estate's assembly: private DNS zones and zone groups, DNS servers that
 * answer, clients, and the open-world parts; then the estate itself.
 */
final class DnsAssembly {
  private static final List<ImmutableSet<TlsVersion>> TLS_OFFERS =
      List.of(
          ImmutableSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3),
          ImmutableSet.of(TlsVersion.TLS_1_3),
          ImmutableSet.of(TlsVersion.TLS_1_2),
          ImmutableSet.of(TlsVersion.TLS_1_0, TlsVersion.TLS_1_1),
          ImmutableSet.of());

  private static final List<String> TENANTS =
      List.of("00000000-0000-4000-8000-00000000a001", EstateAssembly.OTHER_TENANT);

  private final EstateAssembly a;
  private final Choices choices;
  private final Network source;
  private final List<PrivateDnsZone> zones = new ArrayList<>();
  private final List<DnsServer> dnsServers = new ArrayList<>();
  private final List<Client> clients = new ArrayList<>();
  private final Map<ResourceId, OnPremisesNetwork> onPremises = new LinkedHashMap<>();

  DnsAssembly(EstateAssembly assembly) {
    this.a = assembly;
    this.choices = assembly.choices;
    this.source = assembly.source;
    source.onPremisesNetworks().forEach(o -> onPremises.put(o.id(), o));
  }

  Estate build() {
    if (a.options.has(Feature.PRIVATE_DNS_ZONES)) {
      zones();
    }
    if (a.options.has(Feature.DNS_SERVERS)) {
      dnsServers();
    }
    if (a.options.has(Feature.CLIENTS)) {
      clients();
    }
    if (a.options.has(Feature.OPEN_WORLD) && choices.chance(60)) {
      openWorld();
    }
    return Estate.builder()
        .network(a.network(List.copyOf(onPremises.values())))
        .addAllNetworkSecurityGroups(a.groups)
        .putAllFirewallRules(a.rules)
        .addAllPrivateDnsZones(zones)
        .addAllDnsServers(dnsServers)
        .addAllPrivateEndpoints(a.endpoints)
        .addAllPrivateEndpointConnections(a.connections)
        .addAllClients(clients)
        .build();
  }

  // ------------------------------------------------------------------ zones

  private void zones() {
    Set<ResourceId> seen = new java.util.HashSet<>();
    for (FlexibleServer s : source.flexibleServers()) {
      if (s.privateDnsZone().isEmpty() || !seen.add(s.privateDnsZone().get())) {
        continue;
      }
      ResourceId own = s.delegatedSubnet().map(Network::virtualNetworkIdOf).orElse(null);
      zones.add(zone(s.privateDnsZone().get(), own, false, List.of()));
    }
    if (a.endpoints.isEmpty() && !choices.chance(50)) {
      return;
    }
    ResourceId privatelink = ResourceId.of(EstateAssembly.SUBSCRIPTION, "dns", PrivateDnsZone.RESOURCE_TYPE, ZoneName.POSTGRES_PRIVATELINK.toString());
    List<DnsRecord> records = new ArrayList<>();
    if (!a.options.valid() && !a.endpoints.isEmpty() && choices.chance(15)) {
      // A stale record: another server's name at this endpoint, which reaches only its own server.
      PrivateEndpoint p = choices.pick(a.endpoints);
      source.flexibleServers().stream()
          .filter(x -> !x.id().equals(p.targetServer()) && !x.isVnetIntegrated())
          .findFirst()
          .ifPresent(other -> records.add(new DnsRecord.A(RecordName.parse(other.name().toString()), p.privateAddress(), Optional.empty())));
    }
    zones.add(zone(privatelink, null, true, records));
    for (int i = 0; i < a.endpoints.size(); i++) {
      if (!choices.chance(20)) {
        a.endpoints.set(i, withZones(a.endpoints.get(i), List.of(privatelink))); // the zone group
      }
    }
  }

  /**
   * A zone linked to some virtual networks; the server's own network (when given) is linked most
   * of the time, so that its name resolves there.
   */
  private PrivateDnsZone zone(ResourceId id, ResourceId own, boolean redirects, List<DnsRecord> records) {
    PrivateDnsZone.Builder b = PrivateDnsZone.builder().id(id).addAllRecords(records);
    for (VirtualNetwork v : source.virtualNetworks()) {
      boolean linked = v.id().equals(own) ? !choices.chance(15) : choices.chance(55);
      if (linked) {
        VirtualNetworkLink.Builder l = VirtualNetworkLink.builder().id(id.child("virtualNetworkLinks", v.name() + "-link")).virtualNetwork(v.id());
        if (redirects && a.options.profile().nxDomainRedirectSupported() && choices.chance(25)) {
          l.resolutionPolicy(ResolutionPolicy.NX_DOMAIN_REDIRECT);
        }
        b.addVirtualNetworkLinks(l.build());
      }
    }
    return b.build();
  }

  private static PrivateEndpoint withState(PrivateEndpoint p, PrivateEndpointConnectionState state) {
    return PrivateEndpoint.builder()
        .id(p.id())
        .region(p.region())
        .subnet(p.subnet())
        .privateAddress(p.privateAddress())
        .targetServer(p.targetServer())
        .connectionState(state)
        .requestingTenant(p.requestingTenant())
        .addAllPrivateDnsZones(p.privateDnsZones())
        .build();
  }

  private static PrivateEndpoint withZones(PrivateEndpoint p, List<ResourceId> zones) {
    return PrivateEndpoint.builder()
        .id(p.id())
        .region(p.region())
        .subnet(p.subnet())
        .privateAddress(p.privateAddress())
        .targetServer(p.targetServer())
        .connectionState(p.connectionState())
        .requestingTenant(p.requestingTenant())
        .addAllPrivateDnsZones(zones)
        .build();
  }

  // ------------------------------------------------------------------ DNS servers

  private void dnsServers() {
    Optional<DnsServer> inbound = inboundEndpoint();
    inbound.ifPresent(dnsServers::add);
    for (VirtualNetwork v : source.virtualNetworks()) {
      for (Ipv4Address address : v.dnsServers()) {
        Optional<NetworkInterface> nic = source.networkInterfaces().stream().filter(n -> n.privateAddress().equals(address)).findFirst();
        if (nic.isEmpty() || dnsServers.stream().anyMatch(d -> d.address().equals(address))) {
          continue;
        }
        if (!a.options.valid() && choices.chance(10)) {
          continue; // a network naming a DNS server that nothing answers
        }
        NetworkInterface n = nic.get();
        DnsServer.Builder b =
            DnsServer.builder()
                .id(ResourceId.of(EstateAssembly.SUBSCRIPTION, "dns", "Microsoft.Compute/virtualMachines", "dns-" + n.name()))
                .location(new ClientLocation.InVirtualNetwork(n.subnet(), n.privateAddress(), Optional.empty(), Optional.of(n.id())))
                .addForwarders(Resolver.AZURE_PROVIDED_DNS);
        if (inbound.isPresent() && choices.chance(40)) {
          b.addConditionalForwarders(ConditionalForwarder.of(DnsName.parse("postgres.database.azure.com"), inbound.get().address()));
        }
        dnsServers.add(b.build());
      }
    }
    for (OnPremisesNetwork o : source.onPremisesNetworks()) {
      if (o.dnsServers().isEmpty()) {
        continue;
      }
      Ipv4Address address = o.dnsServers().get(0);
      if (inbound.isPresent() && o.addresses().contains(address)) {
        dnsServers.add(
            DnsServer.builder()
                .id(o.id().child("dnsServers", "dns-" + o.name()))
                .location(ClientLocation.OnPremises.of(o.id(), address))
                .addConditionalForwarders(ConditionalForwarder.of(DnsName.parse("postgres.database.azure.com"), inbound.get().address()))
                .addForwarders(inbound.get().address())
                .build());
      } else if (a.options.valid()) {
        onPremises.put(o.id(), withoutDns(o)); // nothing could answer: the network names no server
      }
    }
  }

  /** A DNS Private Resolver inbound endpoint in the network with the gateway (or the first one). */
  private Optional<DnsServer> inboundEndpoint() {
    boolean needed = source.onPremisesNetworks().stream().anyMatch(o -> !o.dnsServers().isEmpty());
    if (!needed && !choices.chance(40)) {
      return Optional.empty();
    }
    List<VirtualNetwork> order = new ArrayList<>();
    source.virtualNetworkGateways().forEach(g -> source.virtualNetwork(g.virtualNetwork()).ifPresent(order::add));
    order.addAll(source.virtualNetworks());
    for (VirtualNetwork v : order) {
      for (Subnet s : v.subnets()) {
        if (s.delegation().isEmpty() && !s.name().equalsIgnoreCase("GatewaySubnet")) {
          Optional<Ipv4Address> address = a.freeAddress(s);
          if (address.isPresent()) {
            return Optional.of(
                DnsServer.builder()
                    .id(ResourceId.of(EstateAssembly.SUBSCRIPTION, "dns", "Microsoft.Network/dnsResolvers", "resolver").child("inboundEndpoints", "inbound"))
                    .kind(DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT)
                    .location(ClientLocation.InVirtualNetwork.of(s.id(), address.get()))
                    .build());
          }
        }
      }
    }
    return Optional.empty();
  }

  private static OnPremisesNetwork withoutDns(OnPremisesNetwork o) {
    return OnPremisesNetwork.builder().id(o.id()).addAllAddressPrefixes(o.addressPrefixes()).build();
  }

  // ------------------------------------------------------------------ clients

  private void clients() {
    List<Subnet> hosts = new ArrayList<>();
    for (VirtualNetwork v : source.virtualNetworks()) {
      for (Subnet s : v.subnets()) {
        if (!s.isDelegatedToFlexibleServers() && !s.name().equalsIgnoreCase("GatewaySubnet") && s.usableAddressCount() > 0) {
          hosts.add(s);
        }
      }
    }
    int count = choices.of(a.options.maxClients() + 1);
    for (int i = 0; i < count; i++) {
      Optional<ClientLocation> location = location(choices.of(5), hosts);
      if (location.isEmpty()) {
        continue;
      }
      clients.add(
          Client.builder()
              .name("client-" + i + "-" + kind(location.get()))
              .location(location.get())
              .tlsVersions(choices.pick(TLS_OFFERS))
              .build());
    }
  }

  private Optional<ClientLocation> location(int kind, List<Subnet> hosts) {
    switch (kind) {
      case 1:
        if (!source.networkInterfaces().isEmpty()) {
          NetworkInterface n = choices.pick(source.networkInterfaces());
          return Optional.of(new ClientLocation.InVirtualNetwork(n.subnet(), n.privateAddress(), Optional.empty(), Optional.of(n.id())));
        }
        return Optional.empty();
      case 2:
        if (!source.onPremisesNetworks().isEmpty()) {
          OnPremisesNetwork o = choices.pick(source.onPremisesNetworks());
          Ipv4Address host = Ipv4Address.ofLong(o.addressPrefixes().get(0).first().toLong() + 1 + choices.of(8));
          Optional<Ipv4Address> egress = choices.chance(30) ? Optional.of(Ipv4Address.parse("198.51.100.9")) : Optional.empty();
          return Optional.of(new ClientLocation.OnPremises(o.id(), host, egress));
        }
        return Optional.empty();
      case 3:
        return Optional.of(new ClientLocation.Internet(choices.pick(List.of(Ipv4Address.parse("203.0.113.50"), Ipv4Address.parse("198.51.100.20"), Ipv4Address.parse("8.8.4.4")))));
      case 4:
        return Optional.of(new ClientLocation.AzureHosted(Ipv4Address.ofLong(Ipv4Address.parse("20.50.0.0").toLong() + choices.of(1000)), choices.pick(TENANTS)));
      default:
        if (hosts.isEmpty()) {
          return Optional.empty();
        }
        Subnet s = choices.pick(hosts);
        Ipv4Address address = Ipv4Address.ofLong(s.addressPrefix().first().toLong() + 4 + choices.of((int) Math.min(s.usableAddressCount(), 1000)));
        Optional<Ipv4Address> outbound = choices.chance(20) ? Optional.of(Ipv4Address.ofLong(Ipv4Address.parse("20.40.1.0").toLong() + choices.of(200))) : Optional.empty();
        return Optional.of(new ClientLocation.InVirtualNetwork(s.id(), address, outbound, Optional.empty()));
    }
  }

  private static String kind(ClientLocation l) {
    if (l instanceof ClientLocation.InVirtualNetwork v) {
      return v.networkInterface().isPresent() ? "vm" : "subnet";
    }
    if (l instanceof ClientLocation.OnPremises) {
      return "onprem";
    }
    return l instanceof ClientLocation.Internet ? "internet" : "azure";
  }

  // ------------------------------------------------------------------ the open world

  private void openWorld() {
    a.open = true;
    for (FlexibleServer s : source.flexibleServers()) {
      switch (choices.of(6)) {
        case 1:
          a.unobserved(Inventory.FIREWALL_RULES, s.id());
          break;
        case 2:
          a.unobserved(Inventory.PRIVATE_ENDPOINT_CONNECTIONS, s.id());
          break;
        case 3:
          // A partial export that does not show how the server is networked.
          a.unknownSettings.put(s.id(), EnumSet.of(s.hasPublicEndpoint() ? ServerSetting.NETWORKING : ServerSetting.REQUIRE_SECURE_TRANSPORT));
          break;
        case 4:
          a.unknownSettings.put(s.id(), EnumSet.of(s.hasPublicEndpoint() ? ServerSetting.PUBLIC_NETWORK_ACCESS : ServerSetting.PRIVATE_DNS_ZONE));
          break;
        case 5:
          if (s.hasPublicEndpoint()) {
            ResourceId elsewhere = ResourceId.of("5eed0000-0000-4000-8000-0000000000ff", "partner", PrivateEndpoint.RESOURCE_TYPE, "pe-of-" + s.name());
            a.outside(elsewhere, "private endpoint in another subscription");
            a.connections.add(new PrivateEndpointConnection(s.id(), elsewhere, choices.chance(50) ? PrivateEndpointConnectionState.PENDING : PrivateEndpointConnectionState.APPROVED));
          }
          break;
        default:
          break;
      }
    }
    for (int i = 0; i < a.endpoints.size(); i++) {
      if (choices.chance(15)) {
        a.endpoints.set(i, withState(a.endpoints.get(i), PrivateEndpointConnectionState.UNKNOWN)); // the state is not in the input
      }
    }
    for (PrivateDnsZone z : zones) {
      if (choices.chance(30)) {
        a.unobserved(Inventory.RECORD_SETS, z.id());
      }
    }
    for (VirtualNetwork v : source.virtualNetworks()) {
      switch (choices.of(4)) {
        case 1:
          a.unobserved(Inventory.LINKED_PRIVATE_DNS_ZONES, v.id());
          break;
        case 2:
          a.unobserved(Inventory.DNS_SERVERS, v.id());
          break;
        case 3:
          Subnet s = v.subnets().get(0);
          if (!a.subnetGroups.containsKey(s.id()) && s.networkSecurityGroup().isEmpty()) {
            ResourceId group = ResourceId.of(EstateAssembly.SUBSCRIPTION, "security", "Microsoft.Network/networkSecurityGroups", "nsg-managed-elsewhere");
            a.outside(group, "network security group in a resource group not exported");
            a.subnetGroups.put(s.id(), group);
          }
          break;
        default:
          break;
      }
    }
    for (var g : a.groups) {
      if (choices.chance(20)) {
        a.unobserved(Inventory.SECURITY_RULES, g.id());
      }
    }
  }
}
