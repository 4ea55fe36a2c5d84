package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import org.junit.jupiter.api.Test;

/**
 * Hostile JSON: inputs that go past each of the limits that keep reading cheap (nesting depth,
 * string, number and name length, expression size), truncated documents, wrong types and nulls.
 * Each ends in the library's exception with a JSON path, never a parser's exception or a stack
 * overflow.
 */
class ArmFuzzTest {
  private static PgreachException refused(String json) {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(json));
    assertTrue(e.getMessage().startsWith("$"), e.getMessage());
    return e;
  }

  @Test
  void read_arraysNestedPastTheLimit_isRefusedAtDepth() {
    PgreachException e = refused("[".repeat(Json.MAX_NESTING_DEPTH + 1) + "]".repeat(Json.MAX_NESTING_DEPTH + 1));
    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    assertTrue(e.getMessage().startsWith("$[0][0][0]"), e.getMessage());
  }

  @Test
  void read_objectsNestedFarPastTheLimit_isRefusedWithoutOverflowingTheStack() {
    String deep = "{\"a\":".repeat(200_000) + "1" + "}".repeat(200_000);
    PgreachException e = refused("[{\"id\": \"x\", \"properties\": " + deep + "}]");
    assertTrue(e.getMessage().contains("nesting depth"), e.getMessage());
    assertTrue(e.getMessage().startsWith("$[0].properties.a.a"), e.getMessage());
  }

  @Test
  void read_nestingWithinTheLimit_isOnlyAShapeError() {
    String deep = "{\"a\":".repeat(50) + "1" + "}".repeat(50);
    PgreachException e = refused("[" + deep + "]");
    assertEquals("$[0].type is required but missing", e.getMessage());
  }

  @Test
  void read_hugeNumber_isRefusedByLength() {
    PgreachException e = refused("[{\"priority\": 1" + "0".repeat(100_000) + "}]");
    assertTrue(e.getMessage().contains("Number value length"), e.getMessage());
    assertTrue(e.getMessage().startsWith("$[0].priority"), e.getMessage());
  }

  @Test
  void read_numberWithHugeExponent_isAWrongValueNotAHang() {
    String base = ArmImportErrorsTest.BASE.replace("\"priority\": 100", "\"priority\": 1e999999999");
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(base));
    assertTrue(e.getMessage().startsWith("$[1].properties.securityRules[0].properties.priority"), e.getMessage());
  }

  @Test
  void read_enormousString_isRefusedByLength() {
    PgreachException e = refused("[{\"id\": \"" + "x".repeat(Json.MAX_STRING_LENGTH + 1) + "\"}]");
    assertTrue(e.getMessage().contains("String value length"), e.getMessage());
    assertTrue(e.getMessage().startsWith("$[0].id"), e.getMessage());
  }

  @Test
  void read_enormousName_isRefusedByLength() {
    PgreachException e = refused("[{\"" + "n".repeat(Json.MAX_NAME_LENGTH + 1) + "\": 1}]");
    assertTrue(e.getMessage().contains("Name length"), e.getMessage());
  }

  @Test
  void read_longStringWithinTheLimit_isShownCut() {
    String longName = "v".repeat(5_000);
    PgreachException e = refused("[{\"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/" + longName + "\", \"type\": \"Microsoft.Network/virtualNetworks/subnets\"}]");
    assertTrue(e.getMessage().length() < 2_000, "the value is cut in the message: " + e.getMessage().length());
    assertTrue(e.getMessage().contains("characters)"), e.getMessage());
  }

  @Test
  void read_truncatedDocuments_nameWhereReadingStopped() {
    String whole = Resources.sampleResources();
    for (int cut = 1; cut < whole.length() - 2; cut += 211) {
      String part = whole.substring(0, cut);
      PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(part), () -> "cut at " + part.length());
      assertEquals(ErrorCode.INVALID_INPUT, e.code());
      assertTrue(e.getMessage().startsWith("$") && e.getMessage().contains("(line "), e.getMessage());
    }
  }

  @Test
  void read_emptyAndBlankDocuments_areRefused() {
    assertTrue(refused("").getMessage().contains("empty"));
    assertTrue(refused("   \n ").getMessage().contains("empty"));
    assertTrue(refused("[] []").getMessage().contains("cannot be read"));
  }

  @Test
  void read_nullsWhereValuesBelong_areMissingValues() {
    assertEquals("$[0] (null): must be an object", refused("[null]").getMessage());
    String vnet = "[{\"id\": \"/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v\", \"type\": \"Microsoft.Network/virtualNetworks\", \"location\": \"westeurope\", \"properties\": null}]";
    ArmImport read = ArmImport.read(vnet);
    assertTrue(read.estate().network().virtualNetworks().isEmpty(), "a network without properties is not read as an empty one");
    assertTrue(read.estate().coverage().isOutsideInput(dev.pgreach.core.ResourceId.parse("/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v")));
    assertTrue(read.notes().stream().anyMatch(n -> n.startsWith("$[0]: virtual network v has no properties")), read.notes().toString());
  }

  @Test
  void read_wrongTypesEverywhere_areNamed() {
    assertTrue(refused("[{\"id\": 7, \"type\": \"Microsoft.Network/virtualNetworks\"}]").getMessage().startsWith("$[0].id (7): must be a string"));
    assertTrue(refused("[{\"id\": [], \"type\": \"a/b\"}]").getMessage().startsWith("$[0].id (an array of 0): must be a string"));
    assertTrue(refused("[{\"type\": {}}]").getMessage().startsWith("$[0].type (an object): must be a string"));
    assertTrue(refused("[\"resource\"]").getMessage().startsWith("$[0] (\"resource\"): must be an object"));
    assertTrue(refused("{\"value\": {}}").getMessage().startsWith("$.value (an object): must be an array"));
    assertTrue(refused("{\"resources\": 5}").getMessage().startsWith("$.resources (5): must be an array"));
  }

  @Test
  void read_controlCharactersInValues_areEscapedInMessages() {
    PgreachException e = refused("[{\"id\": \"a\\u0000b\\nc\", \"type\": \"Microsoft.Network/virtualNetworks\"}]");
    assertTrue(e.getMessage().contains("\\u0000"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void read_manyResources_isReadWithoutQuadraticWork() {
    String vnet = "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/big";
    String server = "/subscriptions/s/resourceGroups/g/providers/Microsoft.DBforPostgreSQL/flexibleServers/big-db";
    StringBuilder subnets = new StringBuilder();
    StringBuilder separate = new StringBuilder();
    for (int i = 0; i < 4_000; i++) {
      String subnet = "{\"id\": \"" + vnet + "/subnets/s" + i + "\", \"type\": \"Microsoft.Network/virtualNetworks/subnets\", \"properties\": {\"addressPrefix\": \"10." + (i / 256) + "." + (i % 256) + ".0/24\"}}";
      subnets.append(i == 0 ? "" : ",").append(subnet);
      separate.append(",").append(subnet);
      separate.append(",{\"id\": \"" + server + "/firewallRules/rule" + i + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/firewallRules\", \"properties\": {\"startIpAddress\": \"20.0." + (i / 256) + "." + (i % 256) + "\", \"endIpAddress\": \"20.0." + (i / 256) + "." + (i % 256) + "\"}}");
    }
    String json =
        "[{\"id\": \"" + vnet + "\", \"type\": \"Microsoft.Network/virtualNetworks\", \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/8\"]}, \"subnets\": ["
            + subnets
            + "]}}, {\"id\": \"" + server + "\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"location\": \"westeurope\"}"
            + separate
            + "]";
    ArmImport read = ArmImport.read(json);
    assertEquals(4_000, read.estate().network().virtualNetworks().get(0).subnets().size());
    assertEquals(4_000, read.estate().firewallRules().values().iterator().next().size());
  }

  /**
   * A 26 KB template whose variables each concatenate the previous one 400 times: the fourth would
   * hold 400^4 values. The cap on the values an expression makes refuses it at the first level past
   * the cap, naming that variable, long before memory runs short.
   */
  static String expressionBomb() {
    StringBuilder variables = new StringBuilder("\"v0\": [1]");
    for (int k = 1; k <= 4; k++) {
      String previous = "variables('v" + (k - 1) + "')";
      variables.append(", \"v").append(k).append("\": \"[concat(").append(String.join(", ", java.util.Collections.nCopies(400, previous))).append(")]\"");
    }
    return "{\"variables\": {" + variables + "}, \"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"[string(variables('v4'))]\","
        + " \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.0.0.0/16\"]}}}]}";
  }

  @Test
  void read_templateExpressionBomb_isRefusedAtTheCapNamingTheVariable() {
    String bomb = expressionBomb();
    assertTrue(bomb.length() > 26_000, "a small document: " + bomb.length());

    PgreachException e = refused(bomb);

    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    assertTrue(e.getMessage().startsWith("$.variables.v2 (\"[concat(variables('v1'), "), e.getMessage());
    assertTrue(e.getMessage().contains("more than 100000 JSON values, the most a template value may hold"), e.getMessage());
  }

  @Test
  void read_variableWhoseEvaluatedCopyIsTooLarge_isRefusedNamingIt() {
    // Arrays of references, not concatenation: each level holds 20 copies of the one before.
    String level = "[" + String.join(", ", java.util.Collections.nCopies(20, "\"[variables('%s')]\"")) + "]";
    String template =
        "{\"variables\": {\"a\": [1, 2, 3], \"b\": " + level.formatted((Object[]) java.util.Collections.nCopies(20, "a").toArray(String[]::new))
            + ", \"c\": " + level.formatted((Object[]) java.util.Collections.nCopies(20, "b").toArray(String[]::new))
            + ", \"d\": " + level.formatted((Object[]) java.util.Collections.nCopies(20, "c").toArray(String[]::new))
            + ", \"e\": " + level.formatted((Object[]) java.util.Collections.nCopies(20, "d").toArray(String[]::new))
            + "}, \"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\", \"location\": \"westeurope\","
            + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": \"[variables('e')]\"}}}]}";

    PgreachException e = refused(template);

    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    assertTrue(e.getMessage().startsWith("$.variables.e (an array of 20): the evaluated value would hold more than 100000 JSON values"), e.getMessage());
  }

  @Test
  void read_concatOfArraysWithinTheCap_isRead() {
    String template =
        "{\"variables\": {\"a\": [\"10.0.0.0/16\"], \"b\": [\"10.1.0.0/16\"], \"prefixes\": \"[concat(variables('a'), variables('b'))]\"},"
            + " \"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": \"v\", \"location\": \"westeurope\","
            + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": \"[variables('prefixes')]\"}}}]}";

    ArmImport read = ArmImport.read(template);

    assertEquals(2, read.estate().network().virtualNetworks().get(0).addressSpace().size());
  }
}
