package dev.pgreach.privatelink.testing;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Coverage;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.GatewayConnection;
import dev.pgreach.core.Network;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Route;
import dev.pgreach.core.RouteTable;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.TlsVersion;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.core.VirtualNetworkGateway;
import dev.pgreach.core.VirtualNetworkPeering;
import dev.pgreach.dns.DnsRecord;
import dev.pgreach.dns.DnsServer;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.dns.ResolutionPolicy;
import dev.pgreach.dns.VirtualNetworkLink;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.firewall.FirewallRuleSet;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import dev.pgreach.privatelink.PrivateEndpointConnection;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The compact, multi-line rendering of an estate: one line per resource, names instead of ids (a
 * subnet is {@code network/subnet}), prefixes and rules written out, defaults left out.
 */
final class Describe {
  private Describe() {}

  static void notNull(Object value, String field) {
    if (value == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "%s must not be null", field);
    }
  }

  static String estate(Estate e) {
    List<String> lines = new ArrayList<>();
    Network n = e.network();
    lines.add(
        "estate: "
            + count(n.virtualNetworks().size(), "virtual network")
            + ", "
            + count(n.flexibleServers().size(), "server")
            + ", "
            + count(e.privateEndpoints().size(), "private endpoint")
            + ", "
            + count(e.clients().size(), "client")
            + (e.coverage().isOpen() ? " (open world)" : ""));
    for (VirtualNetwork v : n.virtualNetworks()) {
      lines.add("vnet " + v.name() + " " + v.region() + " " + join(v.addressSpace()) + (v.dnsServers().isEmpty() ? "" : " dns " + join(v.dnsServers())));
      for (Subnet s : v.subnets()) {
        StringBuilder b = new StringBuilder("  subnet ").append(s.name()).append(' ').append(s.addressPrefix());
        s.delegation().ifPresent(d -> b.append(" delegated ").append(d.substring(d.lastIndexOf('/') + 1)));
        s.networkSecurityGroup().ifPresent(g -> b.append(" nsg ").append(g.name()));
        s.routeTable().ifPresent(t -> b.append(" routes ").append(t.name()));
        if (s.privateEndpointNetworkPolicies() != dev.pgreach.core.PrivateEndpointNetworkPolicies.DISABLED) {
          b.append(" endpoint-policies ").append(s.privateEndpointNetworkPolicies());
        }
        lines.add(b.toString());
      }
      for (VirtualNetworkPeering p : v.virtualNetworkPeerings()) {
        lines.add("  peering to " + p.remoteVirtualNetwork().name() + peeringFlags(p, n));
      }
    }
    for (NetworkInterface i : n.networkInterfaces()) {
      lines.add(
          "nic "
              + i.name()
              + " "
              + i.privateAddress()
              + " in "
              + subnet(i.subnet())
              + (i.enableIpForwarding() ? " forwarding" : "")
              + i.publicAddress().map(a -> " public " + a).orElse("")
              + i.networkSecurityGroup().map(g -> " nsg " + g.name()).orElse(""));
    }
    for (RouteTable t : n.routeTables()) {
      lines.add("routes " + t.name() + ": " + t.routes().stream().map(Describe::route).collect(Collectors.joining("; ")));
    }
    for (VirtualNetworkGateway g : n.virtualNetworkGateways()) {
      lines.add("gateway " + g.name() + " " + g.gatewayType() + " in " + g.virtualNetwork().name());
    }
    for (GatewayConnection c : n.gatewayConnections()) {
      lines.add("connection " + c.name() + " " + c.connectionType() + " " + c.virtualNetworkGateway().name() + " -> " + c.remote().name());
    }
    for (OnPremisesNetwork o : n.onPremisesNetworks()) {
      lines.add("on-premises " + o.name() + " " + join(o.addressPrefixes()) + (o.dnsServers().isEmpty() ? "" : " dns " + join(o.dnsServers())));
    }
    for (FlexibleServer s : n.flexibleServers()) {
      lines.add(server(s, e));
    }
    for (NetworkSecurityGroup g : e.networkSecurityGroups()) {
      lines.add("nsg " + g.name() + ": " + g.securityRules().stream().map(SecurityRule::toString).collect(Collectors.joining("; ")));
    }
    for (PrivateEndpoint p : e.privateEndpoints()) {
      lines.add(
          "endpoint "
              + p.name()
              + " -> "
              + p.targetServer().name()
              + " at "
              + p.privateAddress()
              + " in "
              + subnet(p.subnet())
              + " "
              + p.connectionState()
              + p.requestingTenant().map(t -> " tenant " + shortTenant(t)).orElse("")
              + (p.privateDnsZones().isEmpty() ? " no zone group" : " zones " + p.privateDnsZones().stream().map(ResourceId::name).collect(Collectors.joining(","))));
    }
    for (PrivateEndpointConnection c : e.privateEndpointConnections()) {
      lines.add("endpoint connection " + c.privateEndpoint().name() + " -> " + c.server().name() + " " + c.state());
    }
    for (PrivateDnsZone z : e.privateDnsZones()) {
      lines.add(zone(z));
    }
    for (DnsServer d : e.dnsServers()) {
      lines.add(dnsServer(d));
    }
    for (Client c : e.clients()) {
      lines.add("client " + c.name() + " " + location(c.location()) + tls(c));
    }
    if (e.coverage().isOpen()) {
      lines.addAll(coverage(e.coverage()));
    }
    return String.join("\n", lines);
  }

  private static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  private static String join(List<?> items) {
    return items.stream().map(Object::toString).collect(Collectors.joining(","));
  }

  /** {@code network/subnet}: the two names that tell a subnet apart in one estate. */
  static String subnet(ResourceId subnet) {
    return subnet.parent().map(ResourceId::name).orElse("?") + "/" + subnet.name();
  }

  private static String shortTenant(String tenant) {
    return tenant.length() > 8 ? "…" + tenant.substring(tenant.length() - 4) : tenant;
  }

  private static String peeringFlags(VirtualNetworkPeering p, Network n) {
    boolean back =
        n.virtualNetwork(p.remoteVirtualNetwork())
            .map(r -> r.virtualNetworkPeerings().stream().anyMatch(q -> q.remoteVirtualNetwork().equals(p.localVirtualNetwork())))
            .orElse(false);
    StringBuilder b = new StringBuilder(back ? " (connected)" : " (one-way)");
    if (!p.allowVirtualNetworkAccess()) {
      b.append(" no-access");
    }
    if (p.allowForwardedTraffic()) {
      b.append(" forwarded");
    }
    if (p.allowGatewayTransit()) {
      b.append(" gateway-transit");
    }
    if (p.useRemoteGateways()) {
      b.append(" remote-gateways");
    }
    p.peeringState().ifPresent(s -> b.append(' ').append(s));
    return b.toString();
  }

  private static String route(Route r) {
    return r.addressPrefix() + " -> " + r.nextHopType() + r.nextHopIpAddress().map(a -> " " + a).orElse("");
  }

  private static String server(FlexibleServer s, Estate e) {
    StringBuilder b = new StringBuilder("server ").append(s.name()).append(' ').append(s.networkingMode()).append(' ').append(s.region());
    s.delegatedSubnet().ifPresent(x -> b.append(" in ").append(subnet(x)));
    s.privateAddress().ifPresent(a -> b.append(" at ").append(a));
    s.publicAddress().ifPresent(a -> b.append(" public ").append(a));
    s.privateDnsZone().ifPresent(z -> b.append(" zone ").append(z.name()));
    if (s.hasPublicEndpoint()) {
      b.append(" access ").append(s.publicNetworkAccess());
    }
    b.append(' ').append(s.tier());
    if (s.highAvailability().isEnabled()) {
      b.append(" HA");
    }
    if (s.pgBouncerEnabled()) {
      b.append(" pgbouncer");
    }
    if (!s.requireSecureTransport()) {
      b.append(" tls-optional");
    }
    b.append(" tls>=").append(s.sslMinProtocolVersion().parameterValue());
    s.sslMaxProtocolVersion().ifPresent(m -> b.append(" tls<=").append(m.parameterValue()));
    if (!s.unknownSettings().isEmpty()) {
      b.append(" unknown ").append(s.unknownSettings());
    }
    FirewallRuleSet rules = e.firewallRules().get(s.id());
    if (rules != null) {
      b.append(" firewall: ").append(rules.rules().isEmpty() ? "none" : rules.rules().stream().map(Describe::rule).collect(Collectors.joining(", ")));
    }
    return b.toString();
  }

  private static String rule(FirewallRule r) {
    String range = r.startIpAddress().equals(r.endIpAddress()) ? r.startIpAddress().toString() : r.startIpAddress() + "-" + r.endIpAddress();
    return r.name() + " " + range + r.changedAt().map(t -> " changed " + t).orElse("");
  }

  private static String zone(PrivateDnsZone z) {
    StringBuilder b = new StringBuilder("zone ").append(z.name());
    b.append(" links ").append(z.virtualNetworkLinks().isEmpty() ? "none" : z.virtualNetworkLinks().stream().map(Describe::link).collect(Collectors.joining(",")));
    if (!z.records().isEmpty()) {
      b.append(" records ").append(z.records().stream().map(Describe::record).collect(Collectors.joining(", ")));
    }
    return b.toString();
  }

  private static String link(VirtualNetworkLink l) {
    return l.virtualNetwork().name()
        + (l.registrationEnabled() ? "(registration)" : "")
        + (l.resolutionPolicy() == ResolutionPolicy.NX_DOMAIN_REDIRECT ? "(NxDomainRedirect)" : "");
  }

  private static String record(DnsRecord r) {
    if (r instanceof DnsRecord.A a) {
      return a.name() + " A " + a.address();
    }
    DnsRecord.Cname c = (DnsRecord.Cname) r;
    return c.name() + " CNAME " + c.target();
  }

  private static String dnsServer(DnsServer d) {
    StringBuilder b = new StringBuilder("dns ").append(d.name()).append(d.kind() == DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT ? " (resolver inbound)" : "");
    b.append(' ').append(location(d.location()));
    if (!d.forwarders().isEmpty()) {
      b.append(" forwards to ").append(join(d.forwarders()));
    }
    d.conditionalForwarders().forEach(f -> b.append("; ").append(f.domain()).append(" to ").append(join(f.targets())));
    return b.toString();
  }

  private static String location(ClientLocation l) {
    if (l instanceof ClientLocation.InVirtualNetwork v) {
      return "at " + v.address() + " in " + subnet(v.subnet())
          + v.networkInterface().map(i -> " nic " + i.name()).orElse("")
          + v.outboundPublicAddress().map(a -> " egress " + a).orElse("");
    }
    if (l instanceof ClientLocation.OnPremises o) {
      return "at " + o.address() + " on premises " + o.network().name() + o.outboundPublicAddress().map(a -> " egress " + a).orElse("");
    }
    if (l instanceof ClientLocation.AzureHosted a) {
      return "at " + a.address() + " Azure-hosted tenant " + shortTenant(a.tenant());
    }
    return "at " + l.address() + " on the internet";
  }

  private static String tls(Client c) {
    if (c.tlsVersions().equals(Client.DEFAULT_TLS_VERSIONS)) {
      return "";
    }
    return c.tlsVersions().isEmpty() ? " no-tls" : " tls " + c.tlsVersions().stream().map(TlsVersion::parameterValue).collect(Collectors.joining(","));
  }

  private static List<String> coverage(Coverage c) {
    List<String> lines = new ArrayList<>();
    for (Map.Entry<ResourceId, String> o : c.outsideInput().entrySet()) {
      lines.add("outside the input: " + o.getKey().name() + " (" + o.getValue() + ")");
    }
    c.incompleteInventories().forEach((inventory, owner) -> lines.add("not observed: " + inventory.of(owner.name())));
    if (!c.isWhole()) {
      lines.add("not declared whole" + (c.completeKinds().isEmpty() ? "" : "; complete: " + c.completeKinds()));
    }
    return lines;
  }
}
