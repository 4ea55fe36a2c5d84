package dev.pgreach.privatelink.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.Companion;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Security rules declared one by one ({@code azurerm_network_security_rule}) that share a priority
 * and direction in one group: Azure creates the first and refuses the others, and a plan cannot
 * show which came first, so none of them is read as the rule that exists. The strict read names
 * every such rule by address; the read {@code pgreach validate} uses leaves them out and reports
 * each, the group's rules then being known only in part.
 */
public class RulesSharingAPriorityTest {
  private static final String S = "/subscriptions/33333333-4444-5555-6666-777777777777/resourceGroups/net/providers/Microsoft.Network/networkSecurityGroups/";

  private static String ruleValues(String name, int priority, String access) {
    return """
        {"name": "%s", "resource_group_name": "net", "network_security_group_name": "edge", "priority": %d, "direction": "Inbound", "access": "%s",
         "protocol": "Tcp", "source_port_range": "*", "destination_port_range": "5432", "source_address_prefix": "Internet", "destination_address_prefix": "*"}"""
        .formatted(name, priority, access);
  }

  private static String rule(String address, String name, int priority, String access) {
    return """
        {"address": "%s", "mode": "managed", "type": "azurerm_network_security_rule", "name": "%s", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
         "values": %s, "sensitive_values": {}}""".formatted(address, address.substring(address.indexOf('.') + 1), ruleValues(name, priority, access));
  }

  /** The same rule as a planned creation, its id known only after apply. */
  private static String created(String address, String name, int priority, String access) {
    return """
        {"address": "%s", "mode": "managed", "type": "azurerm_network_security_rule", "name": "%s", "provider_name": "registry.terraform.io/hashicorp/azurerm",
         "change": {"actions": ["create"], "before": null, "after": %s, "after_unknown": {"id": true}, "before_sensitive": false, "after_sensitive": {}}}"""
        .formatted(address, address.substring(address.indexOf('.') + 1), ruleValues(name, priority, access));
  }

  private static String values(String... rules) {
    return """
        {"root_module": {"resources": [
          {"address": "azurerm_network_security_group.edge", "mode": "managed", "type": "azurerm_network_security_group", "name": "edge", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
           "values": {"id": "%sedge", "name": "edge", "resource_group_name": "net", "location": "westeurope", "security_rule": []}, "sensitive_values": {}},
          %s]}}""".formatted(S, String.join(",\n", rules));
  }

  private static final String[] RULES = {
    rule("azurerm_network_security_rule.allow_pg", "allow-pg", 100, "Allow"),
    rule("azurerm_network_security_rule.deny_pg", "deny-pg", 100, "Deny"),
    rule("azurerm_network_security_rule.allow_ssh", "allow-ssh", 110, "Allow"),
  };
  public static final String PLAN =
      "{\"format_version\": \"1.2\", \"terraform_version\": \"1.9.5\", \"resource_changes\": [\n"
          + String.join(",\n",
              """
              {"address": "azurerm_network_security_group.edge", "mode": "managed", "type": "azurerm_network_security_group", "name": "edge", "provider_name": "registry.terraform.io/hashicorp/azurerm",
               "change": {"actions": ["no-op"], "before": {"id": "%sedge", "name": "edge", "resource_group_name": "net", "location": "westeurope", "security_rule": []},
                          "after": {"id": "%sedge", "name": "edge", "resource_group_name": "net", "location": "westeurope", "security_rule": []},
                          "after_unknown": {}, "before_sensitive": {}, "after_sensitive": {}}}""".formatted(S, S),
              created("azurerm_network_security_rule.allow_pg", "allow-pg", 100, "Allow"),
              created("azurerm_network_security_rule.deny_pg", "deny-pg", 100, "Deny"),
              created("azurerm_network_security_rule.allow_ssh", "allow-ssh", 110, "Allow"))
          + "],\n \"configuration\": {\"root_module\": {}}}";
  public static final String STATE = "{\"format_version\": \"1.0\", \"terraform_version\": \"1.9.5\", \"values\": " + values(RULES) + "}";

  @Test
  void theStrictRead_namesEveryRuleSharingAPriority_byAddress() {
    PgreachException e = assertThrows(PgreachException.class, () -> TerraformImport.readState(STATE, Companion.empty()));
    List<String> messages = e.problems().stream().map(Throwable::getMessage).collect(Collectors.toList());
    assertEquals(2, messages.size(), messages::toString);
    assertTrue(messages.get(0).startsWith("azurerm_network_security_rule.allow_pg"), messages::toString);
    assertTrue(messages.get(0).contains("Inbound priority 100 in network security group edge, as rule deny-pg does"), messages::toString);
    assertTrue(messages.get(1).startsWith("azurerm_network_security_rule.deny_pg"), messages::toString);
    assertTrue(e.problems().stream().allMatch(p -> p.code() == ErrorCode.DUPLICATE_PRIORITY), messages::toString);
  }

  @Test
  void leavingOutRefused_keepsTheGroupAndItsOtherRules_andKnowsItsRulesOnlyInPart() {
    TerraformImport read = TerraformImport.readStateLeavingOutRefused(STATE, Companion.empty());
    assertEquals(2, read.reading().refused().size(), read.reading().refused()::toString);
    Estate estate = read.estate();
    assertEquals(1, estate.networkSecurityGroups().size());
    assertEquals(List.of("allow-ssh"), estate.networkSecurityGroups().get(0).securityRules().stream().map(r -> r.name()).collect(Collectors.toList()));
    assertFalse(estate.coverage().isComplete(Inventory.SECURITY_RULES, ResourceId.parse(S + "edge")), "neither rule at 100 is known to exist, nor known not to");
  }

  @Test
  void aPlanIsReadTheSameWay_onBothSides() {
    assertThrows(PgreachException.class, () -> TerraformImport.readPlan(PLAN, Companion.empty()));
    TerraformPlan plan = TerraformImport.readPlanLeavingOutRefused(PLAN, Companion.empty());
    assertEquals(2, plan.after().reading().refused().size(), plan.after().reading().refused()::toString);
    assertEquals(1, plan.after().estate().networkSecurityGroups().get(0).securityRules().size());
    assertTrue(plan.before().reading().refused().isEmpty(), "before the plan the group has no rules");
  }
}
