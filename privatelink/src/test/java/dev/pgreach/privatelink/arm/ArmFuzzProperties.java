package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BiConsumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The sample's ARM JSON and companion document, cut short or with one value replaced by something
 * hostile, and templates full of random expressions, are either read or refused with the library's
 * exception naming a JSON path; nothing else ever escapes.
 */
class ArmFuzzProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final String RESOURCES = Resources.sampleResources();
  private static final String COMPANION = Resources.sampleCompanion();

  @Property(tries = 300)
  void aDocumentCutShortIsRefusedWithAPath(@ForAll @IntRange(min = 0, max = 100_000) int at) {
    String part = RESOURCES.substring(0, at % (RESOURCES.length() - 2));
    assertRefusedWithPath(() -> ArmImport.read(part), "$");
  }

  @Property(tries = 300)
  void aResourceValueReplacedByAnythingIsReadOrRefusedWithAPath(
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll("hostile") JsonNode value) throws Exception {
    JsonNode tree = MAPPER.readTree(RESOURCES);
    replace(tree, where, value);
    String mutated = MAPPER.writeValueAsString(tree);
    Companion companion = Companion.parse(COMPANION);
    assertRefusedWithPath(() -> ArmImport.read(mutated, companion), "$");
  }

  @Property(tries = 200)
  void aCompanionValueReplacedByAnythingIsReadOrRefusedWithAPath(
      @ForAll @IntRange(min = 0, max = 1_000_000) int where, @ForAll("hostile") JsonNode value) throws Exception {
    JsonNode tree = MAPPER.readTree(COMPANION);
    replace(tree, where, value);
    String mutated = MAPPER.writeValueAsString(tree);
    assertRefusedWithPath(() -> ArmImport.read(RESOURCES, Companion.parse(mutated)), "companion $");
  }

  /**
   * Random template expressions, mostly well formed and sometimes broken or unsupported, in
   * variables, a parameter's default, a resource's name and its address prefixes; one variable
   * of 20 elements is concatenated many times, so some templates go past the cap on a value's size. Reading
   * such a template ends in an estate or in the library's exception naming a JSON path, never in
   * another exception, a stack overflow or an exhausted heap.
   */
  @Property(tries = 400)
  void aTemplateWithRandomExpressionsIsReadOrRefusedWithAPath(
      @ForAll("strings") String v0,
      @ForAll("strings") String v1,
      @ForAll("strings") String name,
      @ForAll("strings") String parameterDefault,
      @ForAll("prefixes") String prefixes,
      @ForAll @IntRange(min = 1, max = 400) int fanOut) {
    String v2 = "[concat(" + String.join(", ", java.util.Collections.nCopies(fanOut, "variables('v1')")) + ")]";
    String v3 = "[concat(" + String.join(", ", java.util.Collections.nCopies(fanOut, "variables('v2')")) + ")]";
    String template =
        "{\"parameters\": {\"p\": {\"type\": \"string\", \"defaultValue\": " + Json.quote("[" + parameterDefault + "]") + "}, \"q\": {\"type\": \"array\"}},"
            + " \"variables\": {\"v0\": " + Json.quote("[" + v0 + "]") + ", \"v1\": [" + Json.quote("[" + v1 + "]") + ", \"10.1.0.0/16\"".repeat(19) + "],"
            + " \"v2\": " + Json.quote(v2) + ", \"v3\": " + Json.quote(v3) + "},"
            + " \"resources\": [{\"type\": \"Microsoft.Network/virtualNetworks\", \"name\": " + Json.quote("[" + name + "]") + ", \"location\": \"westeurope\","
            + " \"properties\": {\"addressSpace\": {\"addressPrefixes\": " + prefixes + "}}}]}";
    String outcome = "read";
    try {
      ArmImport.read(template);
    } catch (PgreachException e) {
      assertTrue(e.getMessage().startsWith("$"), e::getMessage);
      outcome = e.getMessage().contains("JSON values, the most a template value may hold") ? "refused at the size cap" : "refused otherwise";
    }
    Statistics.label("outcome").collect(outcome);
    Statistics.label("outcome")
        .coverage(
            c -> {
              c.check("read").percentage(p -> p > 5);
              c.check("refused at the size cap").percentage(p -> p > 0.5);
              c.check("refused otherwise").percentage(p -> p > 5);
            });
  }

  @Provide
  Arbitrary<String> strings() {
    return Arbitraries.frequencyOf(Tuple.of(5, stringExpression(3)), Tuple.of(1, stringExpression(3).flatMap(ArmFuzzProperties::broken)), Tuple.of(1, noise(2)));
  }

  @Provide
  Arbitrary<String> prefixes() {
    Arbitrary<String> arrays =
        Arbitraries.of(
            "variables('v1')", "variables('v2')", "variables('v3')", "concat(variables('v1'), variables('v2'))", "concat(variables('v3'), variables('v1'))",
            "variables('v3')[1]", "createArray('10.0.0.0/16')", "parameters('q')");
    return Arbitraries.frequencyOf(
        Tuple.of(1, Arbitraries.of("[\"10.0.0.0/16\"]")),
        Tuple.of(1, stringExpression(2).map(e -> "[" + Json.quote("[" + e + "]") + "]")),
        Tuple.of(2, arrays.map(e -> Json.quote("[" + e + "]"))),
        Tuple.of(1, Arbitraries.of("[\"[variables('v3')[0]]\"]", "[\"[string(variables('v3'))]\"]", "[\"[variables('v2')[1]]\"]")));
  }

  /** Well-formed expressions whose value is a string, built from the supported functions. */
  private static Arbitrary<String> stringExpression(int depth) {
    Arbitrary<String> leaf =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abz09-").ofMinLength(1).ofMaxLength(8).map(t -> "'" + t + "'"),
            Arbitraries.of(
                "'v'", "'10.0.0.0/16'", "parameters('p')", "resourceGroup().name", "subscription().subscriptionId", "variables('v0')",
                "variables('v1')[1]", "string(7)", "string(true())", "toLower('AB')"));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> inner = stringExpression(depth - 1);
    Arbitrary<String> call =
        Arbitraries.oneOf(
            inner.list().ofMinSize(1).ofMaxSize(3).map(args -> "concat(" + String.join(", ", args) + ")"),
            inner.map(a -> "toLower(" + a + ")"),
            inner.map(a -> "toUpper(" + a + ")"),
            inner.list().ofSize(2).map(args -> "format('{0}-{1}', " + String.join(", ", args) + ")"),
            inner.map(a -> "string(" + a + ")"),
            inner.map(a -> "concat(resourceId('Microsoft.Network/virtualNetworks', " + a + "), '')"));
    return Arbitraries.frequencyOf(Tuple.of(3, leaf), Tuple.of(2, call));
  }

  /** An expression with one mistake: a character dropped or doubled, or a function pgreach does not support. */
  private static Arbitrary<String> broken(String expression) {
    Arbitrary<Integer> at = Arbitraries.integers().between(0, Math.max(0, expression.length() - 1));
    return Arbitraries.oneOf(
        at.map(i -> expression.isEmpty() ? ")" : expression.substring(0, i) + expression.substring(i + 1)),
        at.map(i -> expression.isEmpty() ? "((" : expression.substring(0, i) + expression.charAt(i) + expression.substring(i)),
        Arbitraries.of("uniqueString(", "createArray(", "if(true(), ").map(f -> f + expression + ")"));
  }

  /** Anything made of the expression language's pieces, mostly not well formed. */
  private static Arbitrary<String> noise(int depth) {
    Arbitrary<String> leaf =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abz09-_/.'[]() ,").ofMaxLength(10).map(t -> "'" + t.replace("'", "''") + "'"),
            Arbitraries.integers().between(-2, 12).map(String::valueOf),
            Arbitraries.of(
                "subscription()", "resourceGroup()", "resourceGroup().location", "true()", "variables('v3')", "variables('missing')",
                "parameters('q')", "parameters('r')", "'unclosed", ")", "concat(", "", "variables('v1')[7]", "subscription()['id']", "'a'.b",
                "9999999999"));
    if (depth == 0) {
      return leaf;
    }
    Arbitrary<String> inner = noise(depth - 1);
    Arbitrary<String> call =
        Combinators.combine(
                Arbitraries.of("concat", "format", "resourceId", "toLower", "string", "variables", "parameters", "subscription", "if"),
                inner.list().ofMaxSize(4))
            .as((f, args) -> f + "(" + String.join(", ", args) + ")");
    Arbitrary<String> access = Combinators.combine(inner, Arbitraries.of(".id", ".name", "[0]", "['id']", "[concat('i', 'd')]", ".")).as(String::concat);
    return Arbitraries.frequencyOf(Tuple.of(2, leaf), Tuple.of(3, call), Tuple.of(1, access));
  }

  /**
   * Reading ends in an estate or in the library's exception; every problem it reports (several may
   * be reported at once) names a JSON path, in the document that was changed or, for a problem that
   * follows from the change, in the companion document.
   */
  private static void assertRefusedWithPath(Runnable read, String root) {
    try {
      read.run();
    } catch (PgreachException e) {
      List<PgreachException> each = e.problems().isEmpty() ? List.of(e) : e.problems();
      assertTrue(e.problems().isEmpty() || e.getMessage().contains("problems in the input"), e::getMessage);
      for (PgreachException p : each) {
        assertTrue(p.getMessage().startsWith(root) || p.getMessage().startsWith("companion $"), p::getMessage);
      }
    }
  }

  /** Replaces the value at one of the tree's positions (counted depth first) by another. */
  private static void replace(JsonNode tree, int where, JsonNode value) {
    List<BiConsumer<JsonNode, Void>> slots = new ArrayList<>();
    collect(tree, slots, value);
    if (!slots.isEmpty()) {
      slots.get(where % slots.size()).accept(value, null);
    }
  }

  private static void collect(JsonNode node, List<BiConsumer<JsonNode, Void>> slots, JsonNode value) {
    if (node.isObject()) {
      ObjectNode o = (ObjectNode) node;
      List<String> names = new ArrayList<>();
      o.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        slots.add((v, x) -> o.set(name, v));
        collect(o.get(name), slots, value);
      }
    } else if (node.isArray()) {
      ArrayNode a = (ArrayNode) node;
      for (int i = 0; i < a.size(); i++) {
        int index = i;
        slots.add((v, x) -> a.set(index, v));
        collect(a.get(i), slots, value);
      }
    }
  }

  @Provide
  Arbitrary<JsonNode> hostile() {
    JsonNodeFactory f = JsonNodeFactory.instance;
    return Arbitraries.of(
        f.nullNode(),
        f.textNode(""),
        f.textNode(" "),
        f.textNode("x".repeat(50_000)),
        f.textNode("[concat("),
        f.textNode("10.0.0.0/33"),
        f.textNode("::1"),
        f.textNode("/subscriptions/x"),
        f.numberNode(-1),
        f.numberNode(Long.MAX_VALUE),
        f.numberNode(new java.math.BigInteger("1" + "0".repeat(30))),
        f.numberNode(1e308),
        f.numberNode(0.5),
        f.booleanNode(true),
        f.arrayNode(),
        f.arrayNode().add(f.objectNode()),
        f.objectNode(),
        f.objectNode().put("id", "/subscriptions/s/resourceGroups/g/providers/Microsoft.Network/virtualNetworks/v"));
  }
}
