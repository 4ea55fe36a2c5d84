package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.a;
import static dev.pgreach.dns.TestEstate.cname;
import static dev.pgreach.dns.TestEstate.customDns;
import static dev.pgreach.dns.TestEstate.dns;
import static dev.pgreach.dns.TestEstate.inboundEndpoint;
import static dev.pgreach.dns.TestEstate.ip;
import static dev.pgreach.dns.TestEstate.onPremDns;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ServiceProfile;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * A small random estate for properties: three networks (peered or not, in two regions), an
 * on-premises network (connected or not), VNet-integrated and public servers with and without
 * private endpoints, zones with A and CNAME records (loops and long chains included), links with
 * both policies, custom DNS servers, an inbound endpoint and on-premises DNS with random
 * forwarders, and a random service profile; plus the clients and names to ask about.
 *
 * <p>Everything is drawn from a tape of small integers, so jqwik shrinks a failing estate toward
 * the simplest one (all zeros).
 */
final class GeneratedEstate {
  static final List<String> VNETS = List.of("hub", "spoke", "far");
  static final String CONTOSO = "contoso.internal";

  final TestEstate spec;
  final ServiceProfile profile;
  final List<ClientLocation> clients;
  final List<DnsName> names;

  private GeneratedEstate(TestEstate spec, ServiceProfile profile, List<ClientLocation> clients, List<DnsName> names) {
    this.spec = spec;
    this.profile = profile;
    this.clients = clients;
    this.names = names;
  }

  static Arbitrary<GeneratedEstate> estates() {
    return Arbitraries.integers().between(0, 9999).list().ofSize(160).map(values -> generate(new Tape(values)));
  }

  Resolver resolver() {
    return Resolver.of(spec.build(), profile);
  }

  /** Reads choices from a list of integers. */
  static final class Tape {
    private final List<Integer> values;
    private int next;

    Tape(List<Integer> values) {
      this.values = values;
    }

    int next(int bound) {
      return values.get(next++ % values.size()) % bound;
    }

    boolean flip() {
      return next(2) == 1;
    }

    <T> T pick(List<T> options) {
      return options.get(next(options.size()));
    }
  }

  private static final List<String> SERVER_ZONES =
      List.of("orders.private.postgres.database.azure.com", "shared.postgres.database.azure.com", "invoices.private.postgres.database.azure.com", CONTOSO);

  private static final List<String> TARGETS =
      List.of(
          "n0.contoso.internal",
          "n1.contoso.internal",
          "n2.contoso.internal",
          "n3.contoso.internal",
          "orders.postgres.database.azure.com",
          "crm.postgres.database.azure.com",
          "billing.privatelink.postgres.database.azure.com",
          "crm.privatelink.postgres.database.azure.com",
          "www.example.com",
          "orders.shared.postgres.database.azure.com");

  private static final List<String> RESOLVERS =
      List.of("168.63.129.16", "8.8.8.8", "10.0.3.4", "10.0.3.5", "10.1.1.53", "192.168.0.53", "10.0.3.99", "10.9.9.9");

  static GeneratedEstate generate(Tape t) {
    TestEstate e =
        new TestEstate()
            .vnet("hub", "westeurope", "10.0.0.0/16")
            .subnet("hub", "app", "10.0.1.0/24")
            .delegatedSubnet("hub", "db", "10.0.2.0/24")
            .subnet("hub", "dns", "10.0.3.0/24")
            .vnet("spoke", "westeurope", "10.1.0.0/16")
            .subnet("spoke", "app", "10.1.1.0/24")
            .delegatedSubnet("spoke", "db", "10.1.2.0/24")
            .vnet("far", "northeurope", "10.2.0.0/16")
            .subnet("far", "app", "10.2.1.0/24")
            .delegatedSubnet("far", "db", "10.2.2.0/24")
            .onPremises("corp", "192.168.0.0/16");
    if (t.flip()) {
      e.peer("hub", "spoke", t.flip());
    }
    if (t.flip()) {
      e.peer("hub", "far");
    }
    if (t.flip()) {
      e.peer("spoke", "far");
    }
    if (t.flip()) {
      e.gateway("hub").connect("hub", "corp");
    }

    // servers
    String ordersZone = t.pick(SERVER_ZONES);
    String ordersVnet = t.pick(VNETS);
    int ordersSubnet = VNETS.indexOf(ordersVnet);
    if (t.flip()) {
      e.vnetServer("orders", ordersVnet, "db", "10." + ordersSubnet + ".2.4", ordersZone);
    } else {
      e.server(
          dev.pgreach.core.FlexibleServer.builder()
              .id(TestEstate.serverId("orders"))
              .region(dev.pgreach.core.Region.parse(ordersVnet.equals("far") ? "northeurope" : "westeurope"))
              .delegatedSubnet(TestEstate.subnetId(ordersVnet, "db"))
              .privateDnsZone(TestEstate.zoneId(ordersZone))
              .build());
    }
    if (t.flip()) {
      e.vnetServer("invoices", "hub", "db", "10.0.2.5", t.pick(SERVER_ZONES));
    }
    e.publicServer("billing", t.flip() ? "20.50.1.10" : null);
    e.publicServer("crm", t.flip() ? "20.50.1.20" : null);
    if (t.flip()) {
      e.privateEndpoint("crm");
    }
    if (t.flip()) {
      e.privateEndpoint("billing");
    }
    if (t.flip()) {
      e.label("billing", "rs-feedbeef");
    }

    // zones and records
    for (String z : SERVER_ZONES) {
      if (!z.equals(CONTOSO) && t.next(4) != 0) {
        e.zone(z);
        if (t.next(4) == 0) {
          e.record(z, a(t.flip() ? "orders" : "other", "10.0.2." + (10 + t.next(5))));
        }
      }
    }
    if (t.next(4) != 0) {
      e.zone(TestEstate.PRIVATELINK);
      randomPrivatelinkRecords(t, e, "dns");
    }
    if (t.flip()) {
      e.zoneIn("spoke-dns", TestEstate.PRIVATELINK);
      randomPrivatelinkRecords(t, e, "spoke-dns");
    }
    if (t.next(4) == 0) {
      e.zone("postgres.database.azure.com");
      if (t.flip()) {
        e.record("postgres.database.azure.com", a("billing", "10.0.1.99"));
      }
    }
    if (t.next(4) != 0) {
      e.zone(CONTOSO);
      Set<String> used = new LinkedHashSet<>();
      for (int i = 0; i < 4; i++) {
        String name = "n" + i;
        switch (t.next(3)) {
          case 0:
            break;
          case 1:
            e.record(CONTOSO, a(name, "10.0.1." + (100 + i)));
            used.add(name);
            break;
          default:
            e.record(CONTOSO, cname(name, t.pick(TARGETS)));
            used.add(name);
        }
      }
      int chain = t.next(24);
      for (int i = 0; i < chain; i++) {
        e.record(CONTOSO, cname("c" + i, "c" + (i + 1) + "." + CONTOSO));
      }
      if (t.flip()) {
        e.record(CONTOSO, a("c" + chain, "10.0.1.200"));
      } else if (chain > 0 && t.flip()) {
        e.record(CONTOSO, cname("c" + chain, "c0." + CONTOSO));
      }
    }

    // links
    for (TestEstate.ZoneSpec z : e.zones()) {
      for (String v : VNETS) {
        if (t.next(3) == 0) {
          continue;
        }
        boolean sameNameLinked =
            e.zones().stream().anyMatch(o -> o != z && o.name.equals(z.name) && o.links.stream().anyMatch(l -> l.vnet.equals(v)));
        if (sameNameLinked) {
          continue;
        }
        ResolutionPolicy policy = t.next(4) == 0 ? ResolutionPolicy.NX_DOMAIN_REDIRECT : ResolutionPolicy.DEFAULT;
        e.linkIn(z.resourceGroup, z.name, v, policy, t.next(5) == 0);
        if (t.next(8) == 0) {
          e.linkIn(z.resourceGroup, z.name, v, ResolutionPolicy.DEFAULT, false);
        }
      }
    }

    // DNS servers
    if (t.flip()) {
      e.dnsServer(forwarding(t, customDns("dns1", "hub", "dns", "10.0.3.4")));
    }
    if (t.flip()) {
      e.dnsServer(inboundEndpoint("in1", "hub", "dns", "10.0.3.5"));
    }
    if (t.flip()) {
      e.dnsServer(forwarding(t, customDns("dns2", "spoke", "app", "10.1.1.53")));
    }
    if (t.flip()) {
      e.dnsServer(forwarding(t, onPremDns("dc1", "corp", "192.168.0.53")));
    }
    for (String v : VNETS) {
      if (t.flip()) {
        e.vnetDns(v, servers(t));
      }
    }
    if (t.flip()) {
      e.onPremisesDns("corp", servers(t));
    }

    ServiceProfile profile = t.flip() ? ServiceProfile.preview2021() : ServiceProfile.current();
    List<ClientLocation> clients =
        List.of(
            TestEstate.vm("hub", "app", "10.0.1.4"),
            TestEstate.vm("spoke", "app", "10.1.1.4"),
            TestEstate.vm("far", "app", "10.2.1.4"),
            TestEstate.onPrem("corp", "192.168.1.10"),
            TestEstate.internet("203.0.113.7"));
    List<DnsName> names = new ArrayList<>();
    for (String s : List.of("orders", "invoices", "billing", "crm", "nosuch")) {
      names.add(TestEstate.fqdn(s));
    }
    names.add(dns("crm.privatelink.postgres.database.azure.com"));
    names.add(dns("billing.privatelink.postgres.database.azure.com"));
    names.add(dns("orders." + ordersZone));
    names.add(dns("n0." + CONTOSO));
    names.add(dns("n1." + CONTOSO));
    names.add(dns("n3." + CONTOSO));
    names.add(dns("c0." + CONTOSO));
    names.add(dns("www.example.com"));
    names.add(dns("postgres.database.azure.com"));
    return new GeneratedEstate(e, profile, clients, names);
  }

  private static void randomPrivatelinkRecords(Tape t, TestEstate e, String resourceGroup) {
    List<dev.pgreach.dns.DnsRecord> records = new ArrayList<>();
    if (t.flip()) {
      records.add(a("crm", "10.0.1.50"));
    }
    if (t.flip()) {
      records.add(a("billing", "10.0.1.51"));
    }
    if (t.next(4) == 0) {
      records.add(a("crm", "10.0.1.52"));
    }
    e.zoneIn(resourceGroup, TestEstate.PRIVATELINK, records.toArray(new dev.pgreach.dns.DnsRecord[0]));
  }

  private static DnsServer.Builder forwarding(Tape t, DnsServer.Builder b) {
    for (int i = t.next(3); i > 0; i--) {
      b.addForwarders(ip(t.pick(RESOLVERS)));
    }
    Set<String> domains = new LinkedHashSet<>();
    for (int i = t.next(3); i > 0; i--) {
      domains.add(t.pick(List.of("postgres.database.azure.com", "privatelink.postgres.database.azure.com", CONTOSO, "azure.com")));
    }
    for (String d : domains) {
      b.addConditionalForwarders(ConditionalForwarder.of(dns(d), ip(t.pick(RESOLVERS))));
    }
    return b;
  }

  private static String[] servers(Tape t) {
    int n = 1 + t.next(2);
    Set<String> out = new LinkedHashSet<>();
    for (int i = 0; i < n; i++) {
      out.add(t.pick(RESOLVERS));
    }
    return out.toArray(new String[0]);
  }

  @Override
  public String toString() {
    DnsEstate built = spec.build();
    StringBuilder b = new StringBuilder("profile ").append(profile).append('\n');
    built.privateDnsZones().forEach(z -> b.append(z.id().resourceGroup()).append('/').append(z.name()).append(' ').append(z.records()).append(' ').append(z.virtualNetworkLinks()).append('\n'));
    built.dnsServers().forEach(s -> b.append(s).append('\n'));
    built.network().virtualNetworks().forEach(v -> b.append(v.name()).append(" dns ").append(v.dnsServers()).append(" peerings ").append(v.virtualNetworkPeerings().size()).append('\n'));
    built.network().flexibleServers().forEach(s -> b.append(s.name()).append(' ').append(s.networkingMode()).append(' ').append(s.privateDnsZone().map(z -> z.name()).orElse("")).append('\n'));
    return b.toString();
  }
}
