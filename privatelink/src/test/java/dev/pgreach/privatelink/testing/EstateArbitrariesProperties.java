package dev.pgreach.privatelink.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.NetworkingMode;
import dev.pgreach.core.NextHopType;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Severity;
import dev.pgreach.dns.DnsServerKind;
import dev.pgreach.dns.ResolutionPolicy;
import dev.pgreach.firewall.FirewallRule;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.EstateValidation;
import dev.pgreach.privatelink.PrivateEndpointConnectionState;
import dev.pgreach.privatelink.arm.ArmImport;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;

/** The shipped estate generators: every feature occurs, knobs hold, valid estates are valid. */
class EstateArbitrariesProperties {
  /** Counts what one estate shows, and checks that each kind occurs often enough over the run. */
  @Property(tries = 400)
  void everyFeatureOccurs(@ForAll Estate e) {
    var n = e.network();
    feature("server private access", n.flexibleServers().stream().anyMatch(s -> s.networkingMode() == NetworkingMode.PRIVATE_ACCESS), 20);
    feature("server public access", n.flexibleServers().stream().anyMatch(s -> s.networkingMode() == NetworkingMode.PUBLIC_ACCESS), 20);
    feature("server networking unknown", n.flexibleServers().stream().anyMatch(s -> s.networkingMode() == NetworkingMode.UNKNOWN), 1);
    feature("firewall Azure-services rule", e.firewallRules().values().stream().anyMatch(r -> r.rules().stream().anyMatch(x -> x.startIpAddress().equals(FirewallRule.AZURE_SERVICES_ADDRESS) && x.endIpAddress().equals(FirewallRule.AZURE_SERVICES_ADDRESS))), 5);
    feature("firewall change propagating", e.firewallRules().values().stream().anyMatch(r -> r.rules().stream().anyMatch(x -> x.changedAt().isPresent())), 5);
    feature("nsg on subnet", n.virtualNetworks().stream().anyMatch(v -> v.subnets().stream().anyMatch(s -> s.networkSecurityGroup().isPresent())), 20);
    feature("nsg on interface", n.networkInterfaces().stream().anyMatch(i -> i.networkSecurityGroup().isPresent()), 5);
    feature("route table", !n.routeTables().isEmpty(), 5);
    feature("appliance route", n.routeTables().stream().anyMatch(t -> t.routes().stream().anyMatch(r -> r.nextHopType() == NextHopType.VIRTUAL_APPLIANCE)), 1);
    feature("peering connected", n.virtualNetworks().stream().anyMatch(v -> v.virtualNetworkPeerings().stream().anyMatch(p -> n.virtualNetwork(p.remoteVirtualNetwork()).map(r -> r.virtualNetworkPeerings().stream().anyMatch(q -> q.remoteVirtualNetwork().equals(v.id()))).orElse(false))), 5);
    feature("peering one-way", n.virtualNetworks().stream().anyMatch(v -> v.virtualNetworkPeerings().stream().anyMatch(p -> n.virtualNetwork(p.remoteVirtualNetwork()).map(r -> r.virtualNetworkPeerings().stream().noneMatch(q -> q.remoteVirtualNetwork().equals(v.id()))).orElse(true))), 1);
    feature("gateway and on-premises", !n.virtualNetworkGateways().isEmpty() && !n.onPremisesNetworks().isEmpty(), 5);
    for (PrivateEndpointConnectionState state : PrivateEndpointConnectionState.values()) {
      feature("endpoint " + state, e.privateEndpoints().stream().anyMatch(p -> p.connectionState() == state), 1);
    }
    feature("endpoint with zone group", e.privateEndpoints().stream().anyMatch(p -> !p.privateDnsZones().isEmpty()), 5);
    feature("endpoint without zone group", e.privateEndpoints().stream().anyMatch(p -> p.privateDnsZones().isEmpty()), 1);
    feature("private zone linked", e.privateDnsZones().stream().anyMatch(z -> !z.virtualNetworkLinks().isEmpty()), 20);
    feature("NxDomainRedirect link", e.privateDnsZones().stream().anyMatch(z -> z.virtualNetworkLinks().stream().anyMatch(l -> l.resolutionPolicy() == ResolutionPolicy.NX_DOMAIN_REDIRECT)), 1);
    feature("custom DNS server answering", e.dnsServers().stream().anyMatch(d -> d.kind() == DnsServerKind.CUSTOM && d.location() instanceof ClientLocation.InVirtualNetwork && !d.forwarders().isEmpty()), 1);
    feature("resolver inbound endpoint", e.dnsServers().stream().anyMatch(d -> d.kind() == DnsServerKind.PRIVATE_RESOLVER_INBOUND_ENDPOINT), 5);
    feature("on-premises DNS server forwarding", e.dnsServers().stream().anyMatch(d -> d.location() instanceof ClientLocation.OnPremises && !d.conditionalForwarders().isEmpty()), 1);
    feature("client in subnet", e.clients().stream().anyMatch(c -> c.location() instanceof ClientLocation.InVirtualNetwork v && v.networkInterface().isEmpty()), 5);
    feature("client at interface", e.clients().stream().anyMatch(c -> c.location() instanceof ClientLocation.InVirtualNetwork v && v.networkInterface().isPresent()), 5);
    feature("client on premises", e.clients().stream().anyMatch(c -> c.location() instanceof ClientLocation.OnPremises), 1);
    feature("client on internet", e.clients().stream().anyMatch(c -> c.location() instanceof ClientLocation.Internet), 5);
    feature("client Azure-hosted", e.clients().stream().anyMatch(c -> c.location() instanceof ClientLocation.AzureHosted), 5);
    feature("resource outside the input", !e.coverage().outsideInput().isEmpty(), 5);
    feature("inventory not observed", !e.coverage().incompleteInventories().isEmpty(), 10);
    feature("endpoint connection outside the estate", !e.privateEndpointConnections().isEmpty(), 1);
  }

  private static void feature(String name, boolean present, double minimumPercent) {
    Statistics.label(name).collect(present);
    Statistics.label(name).coverage(c -> c.check(true).percentage(p -> p >= minimumPercent));
  }

  @Property(tries = 150)
  void validEstatesHaveNoValidationErrors(@ForAll("valid") Estate e) {
    var errors = EstateValidation.validate(e).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertTrue(errors.isEmpty(), () -> errors.stream().map(Object::toString).collect(Collectors.joining("\n")) + "\n" + EstateArbitraries.describe(e));
  }

  @Property(tries = 60)
  void validEstatesUnderThePreviewHaveNoValidationErrors(@ForAll("validPreview") Estate e) {
    var errors = EstateValidation.validate(e, ServiceProfile.preview2021()).stream().filter(f -> f.severity() == Severity.ERROR).toList();
    assertTrue(errors.isEmpty(), () -> errors.stream().map(Object::toString).collect(Collectors.joining("\n")) + "\n" + EstateArbitraries.describe(e));
  }

  /** The mistakes are really there: some estates with misconfigurations fail validation. */
  @Property(tries = 200)
  void misconfiguredEstatesSometimesFailValidation(@ForAll("closed") Estate e) {
    boolean error = EstateValidation.validate(e).stream().anyMatch(f -> f.severity() == Severity.ERROR);
    Statistics.label("validation error").collect(error);
    Statistics.label("validation error").coverage(c -> c.check(true).percentage(p -> p >= 10));
  }

  @Property(tries = 100)
  void knobsHold(@ForAll("small") Estate e) {
    assertTrue(e.network().virtualNetworks().size() <= 2);
    assertTrue(e.network().flexibleServers().size() <= 1);
    assertTrue(e.clients().isEmpty());
    assertTrue(e.privateEndpoints().isEmpty());
    assertTrue(e.networkSecurityGroups().isEmpty());
    assertTrue(e.network().routeTables().isEmpty());
    assertFalse(e.coverage().isOpen());
  }

  /** ARM documents of generated estates read back to estates with the same resources. */
  @Property(tries = 60)
  void armInputsReadBack(@ForAll ArmInput input) {
    Estate read = ArmImport.read(input.resourcesJson(), input.companion()).estate();
    assertEquals(
        input.estate().network().flexibleServers().stream().map(FlexibleServer::id).sorted().toList(),
        read.network().flexibleServers().stream().map(FlexibleServer::id).sorted().toList());
    assertEquals(input.estate().privateEndpoints().size(), read.privateEndpoints().size());
    assertEquals(input.estate().clients().size(), read.clients().size());
  }

  /** Descriptions are short lines with names, not ids, and name every server and endpoint. */
  @Property(tries = 100)
  void descriptionsAreCompact(@ForAll Estate e) {
    String d = EstateArbitraries.describe(e);
    assertFalse(d.contains("/subscriptions/"), d);
    for (String line : d.split("\n")) {
      assertTrue(line.length() <= 600, line);
    }
    e.network().flexibleServers().forEach(s -> assertTrue(d.contains("server " + s.name() + " "), d));
    e.privateEndpoints().forEach(p -> assertTrue(d.contains("endpoint " + p.name() + " "), d));
    e.clients().forEach(c -> assertTrue(d.contains("client " + c.name() + " "), d));
  }

  /** The edge cases include the bare network and the estate with everything on top. */
  @net.jqwik.api.Example
  void edgeCasesIncludeTheBareAndTheFullEstate() {
    java.util.List<Estate> edges = new java.util.ArrayList<>();
    EstateArbitraries.estates().edgeCases().forEach(s -> edges.add(s.value()));
    assertTrue(edges.stream().anyMatch(e -> e.clients().isEmpty() && e.networkSecurityGroups().isEmpty() && e.privateEndpoints().isEmpty()));
    assertTrue(edges.stream().anyMatch(e -> e.clients().size() == 4 && !e.networkSecurityGroups().isEmpty() && !e.firewallRules().isEmpty()),
        () -> edges.stream().map(EstateArbitraries::describe).collect(Collectors.joining("\n---\n")));
  }

  @Provide
  Arbitrary<Estate> valid() {
    return EstateArbitraries.validEstates().without(Feature.OPEN_WORLD);
  }

  @Provide
  Arbitrary<Estate> validPreview() {
    return EstateArbitraries.validEstates().profile(ServiceProfile.preview2021()).without(Feature.OPEN_WORLD);
  }

  @Provide
  Arbitrary<Estate> closed() {
    return EstateArbitraries.estates().withMisconfigurations().without(Feature.OPEN_WORLD);
  }

  @Provide
  Arbitrary<Estate> small() {
    return EstateArbitraries.estates()
        .maxVirtualNetworks(2)
        .maxServers(1)
        .maxClients(0)
        .without(Feature.PRIVATE_ENDPOINTS, Feature.NETWORK_SECURITY_GROUPS, Feature.ROUTE_TABLES, Feature.OPEN_WORLD);
  }
}
