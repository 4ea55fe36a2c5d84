package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.arm.template.Deployment;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Two rules of one network security group with one priority and direction: Azure refuses a group
 * written with both (the whole request), and of two rules created one by one it keeps the first and
 * refuses the second, which the input cannot tell apart. Read strictly, each rule is named at its
 * own path; read as {@code validate} reads, a group written with both is left out, and rules
 * listed on their own are left out themselves, the group staying with its rules known in part.
 */
class SecurityRulesSharingAPriorityTest {
  private static final String RG = "/subscriptions/7e57d0c1-0000-4000-8000-00000000a001/resourceGroups/rg-net/providers/Microsoft.Network/networkSecurityGroups/";

  private static String rule(String name, int priority) {
    return "{\"name\": \"" + name + "\", \"properties\": {\"priority\": " + priority + ", \"direction\": \"Inbound\", \"access\": \"Allow\", \"protocol\": \"Tcp\","
        + " \"sourcePortRange\": \"*\", \"destinationPortRange\": \"5432\", \"sourceAddressPrefix\": \"10.1.0.0/16\", \"destinationAddressPrefix\": \"*\"}}";
  }

  private static String group(String name, String... inline) {
    return "{\"id\": \"" + RG + name + "\", \"name\": \"" + name + "\", \"type\": \"Microsoft.Network/networkSecurityGroups\", \"location\": \"westeurope\","
        + " \"properties\": {\"securityRules\": [" + String.join(", ", inline) + "]}}";
  }

  private static String standalone(String group, String name, int priority) {
    String r = rule(name, priority);
    return "{\"id\": \"" + RG + group + "/securityRules/" + name + "\", \"type\": \"Microsoft.Network/networkSecurityGroups/securityRules\", " + r.substring(1);
  }

  private static final String DOCUMENT =
      "[" + String.join(", ",
          group("inline-nsg", rule("a", 200), rule("b", 200)),
          group("split-nsg"),
          standalone("split-nsg", "c", 300),
          standalone("split-nsg", "d", 300),
          standalone("split-nsg", "e", 310)) + "]";

  @Test
  void theStrictRead_namesEachRuleAtItsOwnPath() {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(DOCUMENT, Companion.empty()));
    List<String> at = e.problems().stream().map(p -> p.getMessage().substring(0, p.getMessage().indexOf(' '))).collect(Collectors.toList());
    assertEquals(List.of("$[0].properties.securityRules[0]", "$[0].properties.securityRules[1]", "$[2]", "$[3]"), at, e::getMessage);
    assertTrue(e.problems().stream().allMatch(p -> p.code() == ErrorCode.DUPLICATE_PRIORITY), e::getMessage);
  }

  @Test
  void leavingOutRefused_dropsTheInlineGroup_butOnlyTheStandaloneRules() {
    ArmImport read = ArmImport.readLeavingOutRefused(List.of(ArmDocument.of("export.json", DOCUMENT)), Companion.empty(), Deployment.none());
    assertEquals(4, read.refused().size(), read.refused()::toString);
    assertEquals(List.of("split-nsg"), read.estate().networkSecurityGroups().stream().map(g -> g.name()).collect(Collectors.toList()));
    assertEquals(List.of("e"), read.estate().networkSecurityGroups().get(0).securityRules().stream().map(r -> r.name()).collect(Collectors.toList()));
    assertFalse(read.estate().coverage().isComplete(Inventory.SECURITY_RULES, ResourceId.parse(RG + "split-nsg")));
    assertTrue(read.estate().coverage().isOutsideInput(ResourceId.parse(RG + "inline-nsg")), read.estate().coverage()::toString);
  }
}
