package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.dns.DnsName;
import dev.pgreach.dns.DnsStep;
import dev.pgreach.dns.Resolution;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Exposure;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/**
 * A public server whose private endpoint connections the input does not show (an {@code az
 * resource list} row, a template, a plan): whether public DNS points its name into
 * privatelink.postgres.database.azure.com is not known, but a resolver that holds no private zone
 * for that name ends at the public endpoint either way — so the internet's answer stands, and
 * agrees with {@code expose}. Where a private zone could answer the privatelink name (a network
 * linked to one), the answer stays indeterminate.
 */
class UnobservedPrivateEndpointsFromTheInternetTest {
  private static final String RG = "/subscriptions/7e57d0c1-0000-4000-8000-00000000a002/resourceGroups/rg-data/providers/";
  private static final String SERVER_ROW =
      "{\"id\": \"" + RG + "Microsoft.DBforPostgreSQL/flexibleServers/orders-db\", \"name\": \"orders-db\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\","
          + " \"properties\": {\"version\": \"16\", \"state\": \"Ready\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}}}";
  private static final String RULE =
      "{\"id\": \"" + RG + "Microsoft.DBforPostgreSQL/flexibleServers/orders-db/firewallRules/office\", \"name\": \"office\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\","
          + " \"properties\": {\"startIpAddress\": \"203.0.113.0\", \"endIpAddress\": \"203.0.113.255\"}}";
  private static final String NETWORK =
      "{\"id\": \"" + RG + "Microsoft.Network/virtualNetworks/apps\", \"name\": \"apps\", \"type\": \"Microsoft.Network/virtualNetworks\", \"location\": \"westeurope\","
          + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.40.0.0/16\"]}, \"subnets\": [{\"name\": \"vm\", \"id\": \"" + RG + "Microsoft.Network/virtualNetworks/apps/subnets/vm\", \"properties\": {\"addressPrefix\": \"10.40.1.0/24\"}}]}}";
  private static final String ZONE =
      "{\"id\": \"" + RG + "Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com\", \"name\": \"privatelink.postgres.database.azure.com\", \"type\": \"Microsoft.Network/privateDnsZones\", \"location\": \"global\", \"properties\": {}}";
  private static final String LINK =
      "{\"id\": \"" + RG + "Microsoft.Network/privateDnsZones/privatelink.postgres.database.azure.com/virtualNetworkLinks/apps\", \"name\": \"apps\", \"type\": \"Microsoft.Network/privateDnsZones/virtualNetworkLinks\", \"location\": \"global\","
          + " \"properties\": {\"virtualNetwork\": {\"id\": \"" + RG + "Microsoft.Network/virtualNetworks/apps\"}, \"registrationEnabled\": false}}";
  /** Every list whole except the server's private endpoint connections, which a list row never shows. */
  private static final String COMPLETE_BUT_CONNECTIONS =
      "\"complete\": [\"firewallRules\", \"configurations\", \"linkedPrivateDnsZones\", \"recordSets\", \"virtualNetworkLinks\"]";
  private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
  private static final String ORDERS = "orders-db.postgres.database.azure.com";

  private static Connectivity read(String... resources) {
    Companion companion = Companion.parse("{" + COMPLETE_BUT_CONNECTIONS + ", \"clients\": ["
        + "{\"name\": \"office\", \"location\": {\"internet\": \"203.0.113.9\"}},"
        + " {\"name\": \"vm\", \"location\": {\"subnet\": \"" + RG + "Microsoft.Network/virtualNetworks/apps/subnets/vm\", \"address\": \"10.40.1.4\"}}]}");
    ArmImport read = ArmImport.read("[" + String.join(", ", resources) + "]", companion);
    return Connectivity.of(read.estate());
  }

  @Test
  void fromTheInternet_theAnswerStands_andAgreesWithExpose() {
    Connectivity c = read(SERVER_ROW, RULE, NETWORK);
    Connection office = c.connect(c.estate().client("office"), ORDERS, 5432, AT);
    assertEquals(Disposition.ALLOWED, office.disposition(), office::explanation);
    assertTrue(office.explanation().contains("public DNS ends at its public endpoint either way"), office::explanation);
    Exposure who = c.expose(ResourceId.parse(RG + "Microsoft.DBforPostgreSQL/flexibleServers/orders-db"), 5432, AT);
    assertTrue(who.publicSources().contains(dev.pgreach.core.Ipv4Address.parse("203.0.113.9")), who::toString);
  }

  @Test
  void fromANetworkLinkedToNoZone_theAnswerStands() {
    Connectivity c = read(SERVER_ROW, RULE, NETWORK);
    Resolution r = c.resolve(c.estate().client("vm"), DnsName.parse(ORDERS));
    assertTrue(r.steps().stream().anyMatch(s -> s instanceof DnsStep.PublicAnsweredEitherWay), r::toString);
  }

  @Test
  void fromANetworkLinkedToThePrivateLinkZone_itStaysIndeterminate() {
    Connectivity c = read(SERVER_ROW, RULE, NETWORK, ZONE, LINK);
    Resolution r = c.resolve(c.estate().client("vm"), DnsName.parse(ORDERS));
    assertTrue(r.steps().stream().anyMatch(s -> s.code() == ReasonCode.NOT_OBSERVED), r::toString);
    Connection vm = c.connect(c.estate().client("vm"), ORDERS, 5432, AT);
    assertEquals(Disposition.INDETERMINATE, vm.disposition(), vm::explanation);
    // the internet's resolvers hold no private zone: its answer is unchanged
    assertEquals(Disposition.ALLOWED, c.connect(c.estate().client("office"), ORDERS, 5432, AT).disposition());
  }
}
