package dev.pgreach.privatelink.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Comparison;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.arm.Companion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A plan written by hand in the documented {@code terraform show -json} format (format 1.2), with
 * modules, a {@code count} and a {@code for_each} instance, ids known only after apply, a sensitive
 * password, data sources in the prior state and a configuration whose references lead through a
 * module call and a module output: it moves {@code orders-db} to another delegated subnet (a
 * replacement) and opens {@code web-db} to every address.
 */
class TerraformPlanTest {
  static final String PLAN = resource("plan-move-and-open.json");
  static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
  static final String SUBSCRIPTION = "11111111-2222-3333-4444-555555555555";
  static final ResourceId ORDERS = ResourceId.parse("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/orders-db");
  static final ResourceId WEB = ResourceId.parse("/subscriptions/" + SUBSCRIPTION + "/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/web-db");
  static final String VNET = "/subscriptions/" + SUBSCRIPTION + "/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/main";
  static final Companion HOME = Companion.parse("{\"complete\": true, \"clients\": [{\"name\": \"home\", \"location\": {\"internet\": \"198.51.100.23\"}}]}");

  static String resource(String name) {
    try (InputStream in = TerraformPlanTest.class.getResourceAsStream(name)) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Test
  void movingAServerToAnotherSubnet_isAForbiddenChange() {
    TerraformPlan plan = TerraformImport.readPlan(PLAN, Companion.empty());
    FlexibleServer before = plan.before().estate().network().flexibleServer(ORDERS).orElseThrow();
    FlexibleServer after = plan.after().estate().network().flexibleServer(ORDERS).orElseThrow();
    assertEquals(VNET + "/subnets/db-a", before.delegatedSubnet().orElseThrow().toString());
    // after: delegated_subnet_id is known only after apply; var.subnet_id -> module.network.db_subnet_id -> azurerm_subnet.this["db-b"].id
    assertEquals(VNET + "/subnets/db-b", after.delegatedSubnet().orElseThrow().toString());
    Comparison c = plan.compare(ServiceProfile.current(), AT);
    assertTrue(c.forbiddenChanges().stream().anyMatch(f -> f.code() == FindingCode.SERVER_MOVED), c.forbiddenChanges()::toString);
    assertEquals(List.of("delete", "create"), plan.actions().get("module.db.azurerm_postgresql_flexible_server.main[0]"));
  }

  @Test
  void aReplacedServerKeepsItsId_aCreatedRuleGetsTheIdAzureGivesIt() {
    TerraformPlan plan = TerraformImport.readPlan(PLAN, Companion.empty());
    assertEquals(ORDERS, plan.after().addresses().get("module.db.azurerm_postgresql_flexible_server.main[0]"));
    assertEquals(WEB.child("firewallRules", "everyone"), plan.after().addresses().get("azurerm_postgresql_flexible_server_firewall_rule.everyone"));
    assertTrue(plan.after().notes().stream().anyMatch(n -> n.startsWith("module.db.azurerm_postgresql_flexible_server.main[0].id: known only after apply; the resource keeps")), plan.after().notes()::toString);
    assertFalse(plan.before().addresses().containsKey("azurerm_postgresql_flexible_server_firewall_rule.everyone"));
  }

  @Test
  void openingAServerToEveryAddress_isGainedExposureAndGainedAccess() {
    TerraformPlan plan = TerraformImport.readPlan(PLAN, HOME);
    Comparison c = plan.compare(ServiceProfile.current(), AT);
    Comparison.ExposureChange open = c.exposureChanges().stream().filter(e -> e.server().equals(WEB) && e.place().equals("the public endpoint")).findFirst().orElseThrow();
    assertTrue(open.gained().containsAll(AddressSet.parse("198.51.100.23")), open::toString);
    Comparison.AccessChange home = c.accessChanges().stream().filter(a -> a.server().equals(WEB)).findFirst().orElseThrow();
    assertEquals(Disposition.BLOCKED, home.before().disposition());
    assertEquals(Disposition.ALLOWED, home.after().disposition());
  }

  @Test
  void withoutTheCompanion_theRuleTurnsUndecidedAddressesIntoGainedOnes() {
    // Before, the server's rules are not all in the plan: whether an address gets in is undecided.
    // After, the new rule admits every address for certain.
    TerraformPlan plan = TerraformImport.readPlan(PLAN, Companion.empty());
    Comparison c = plan.compare(ServiceProfile.current(), AT);
    AddressSet home = AddressSet.parse("198.51.100.23");
    assertTrue(c.exposureChanges().stream().anyMatch(e -> e.server().equals(WEB) && e.place().equals("the public endpoint") && e.gained().containsAll(home)), c.exposureChanges()::toString);
    assertTrue(c.exposureChanges().stream().anyMatch(e -> e.server().equals(WEB) && e.place().equals("the public endpoint (undecided)") && e.lost().containsAll(home)), c.exposureChanges()::toString);
  }

  @Test
  void typesPgreachDoesNotRead_areCounted_dataSourcesGiveTheSubscription() {
    TerraformPlan plan = TerraformImport.readPlan(PLAN, Companion.empty());
    assertEquals(Map.of("azurerm_kubernetes_cluster", 1), plan.after().skippedTypes());
    assertEquals(Map.of(), plan.before().skippedTypes());
    assertTrue(plan.after().addresses().values().stream().allMatch(id -> id.subscriptionId().equals(SUBSCRIPTION)));
  }

  @Test
  void sensitiveValues_areNeverPrinted() {
    TerraformPlan plan = TerraformImport.readPlan(PLAN, HOME);
    String everything = plan.toString() + plan.notes() + plan.before().notes() + plan.after().notes() + plan.before().estate() + plan.after().estate();
    assertFalse(everything.contains("hunter2"), "a sensitive value was printed");
  }

  @Test
  void aReferenceToOneOfTwoResources_isUnknown_andTheServerIsUndecided() {
    String twoWays = PLAN.replaceFirst("\"var\\.subnet_id\"\\s*\\]", "\"var.subnet_id\", \"module.network.db_a_subnet_id\"]");
    assertFalse(twoWays.equals(PLAN), "the document changed");
    TerraformPlan plan = TerraformImport.readPlan(twoWays, HOME);
    FlexibleServer after = plan.after().estate().network().flexibleServer(ORDERS).orElseThrow();
    assertTrue(after.delegatedSubnet().orElseThrow().name().startsWith("unknown-subnet-of-"), after::toString);
    assertTrue(plan.after().estate().network().coverage().outsideInput().containsKey(after.delegatedSubnet().orElseThrow()));
  }

  @Test
  void aPlanReadAsAState_isAClearError() {
    dev.pgreach.core.PgreachException e = org.junit.jupiter.api.Assertions.assertThrows(dev.pgreach.core.PgreachException.class, () -> TerraformImport.readState(PLAN, Companion.empty()));
    assertTrue(e.getMessage().startsWith("$: is a plan"), e::getMessage);
  }

  @Test
  void theAnswersOfThePlannedEstate_areThoseOfConnectivity() {
    TerraformPlan plan = TerraformImport.readPlan(PLAN, HOME);
    Connectivity after = Connectivity.of(plan.after().estate(), ServiceProfile.current());
    assertEquals(Disposition.ALLOWED, after.connect(plan.after().estate().client("home"), "web-db.postgres.database.azure.com", 5432, AT).disposition());
  }
}
