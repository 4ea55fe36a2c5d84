package dev.pgreach.privatelink.arm.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

/** Laws of parameter checking ({@link ParameterTypes}) and of the CIDR functions. */
class RefusalAndCidrProperties {
  @Provide
  Arbitrary<JsonNode> values() {
    Arbitrary<JsonNode> leaf = Arbitraries.oneOf(
        Arbitraries.strings().alpha().ofMaxLength(8).map(Values.F::textNode),
        Arbitraries.integers().between(-50, 50).map(Values.F::numberNode),
        Arbitraries.of(true, false).map(Values.F::booleanNode));
    return Arbitraries.recursive(() -> leaf, inner -> Arbitraries.oneOf(
        inner.list().ofMaxSize(3).map(l -> {
          ArrayNode a = Values.array();
          l.forEach(a::add);
          return (JsonNode) a;
        }),
        Arbitraries.maps(Arbitraries.of("a", "b", "c"), inner).ofMaxSize(3).map(m -> {
          ObjectNode o = Values.object();
          m.forEach(o::set);
          return (JsonNode) o;
        })), 2);
  }

  /** One constraint of a declaration, as a member name and its value. */
  @Provide
  Arbitrary<ObjectNode> constraints() {
    Arbitrary<ObjectNode> one = Arbitraries.oneOf(
        Arbitraries.of("string", "int", "bool", "array", "object").map(t -> obj("type", Values.F.textNode(t))),
        Arbitraries.integers().between(0, 4).map(n -> obj("minLength", Values.F.numberNode(n))),
        Arbitraries.integers().between(0, 4).map(n -> obj("maxLength", Values.F.numberNode(n))),
        Arbitraries.integers().between(-20, 20).map(n -> obj("minValue", Values.F.numberNode(n))),
        Arbitraries.integers().between(-20, 20).map(n -> obj("maxValue", Values.F.numberNode(n))),
        values().list().ofMinSize(1).ofMaxSize(3).map(l -> {
          ArrayNode a = Values.array();
          l.forEach(a::add);
          return obj("allowedValues", a);
        }),
        Arbitraries.just(obj("additionalProperties", Values.F.booleanNode(false))));
    return one.list().ofMaxSize(3).map(l -> {
      ObjectNode d = Values.object();
      l.forEach(d::setAll);
      return d;
    });
  }

  private static ObjectNode obj(String key, JsonNode value) {
    ObjectNode o = Values.object();
    o.set(key, value);
    return o;
  }

  /** A declaration without constraints takes every value; a value known only at deployment fits every declaration. */
  @Property(tries = 300)
  void noConstraint_takesEverything_andUnknownFitsEverything(@ForAll("values") JsonNode v, @ForAll("constraints") ObjectNode d) {
    assertTrue(ParameterTypes.misfit(Values.object(), v, null).isEmpty());
    assertTrue(ParameterTypes.misfit(d, Values.unknown("known at deployment"), null).isEmpty());
  }

  /** Monotone: a value refused by a declaration is refused by it with one more constraint. */
  @Property(tries = 500)
  void moreConstraints_neverAdmitWhatFewerRefuse(@ForAll("values") JsonNode v, @ForAll("constraints") ObjectNode d, @ForAll("constraints") ObjectNode more) {
    ObjectNode stricter = d.deepCopy();
    more.properties().forEach(m -> {
      if (!stricter.has(m.getKey())) {
        stricter.set(m.getKey(), m.getValue());
      }
    });
    if (ParameterTypes.misfit(d, v, null).isPresent()) {
      assertTrue(ParameterTypes.misfit(stricter, v, null).isPresent(), () -> d + " refuses " + v + ", " + stricter + " must too");
    }
  }

  /** Agreement with a simple reference for the scalar constraints. */
  @Property(tries = 500)
  void scalarConstraints_agreeWithAReference(@ForAll @IntRange(min = -30, max = 30) int value, @ForAll @IntRange(min = -20, max = 20) int min, @ForAll @IntRange(min = -20, max = 20) int max) {
    ObjectNode d = obj("type", Values.F.textNode("int"));
    d.put("minValue", min).put("maxValue", max);
    boolean fits = value >= min && value <= max;
    assertEquals(fits, ParameterTypes.misfit(d, Values.F.numberNode(value), null).isEmpty());
  }

  @Provide
  Arbitrary<long[]> ranges() {
    return Combinators.combine(Arbitraries.longs().between(0, 0xffffffffL), Arbitraries.integers().between(8, 30)).as((a, p) -> new long[] {a, p});
  }

  private static String ip(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }

  /** IPv4 CIDR functions agree with plain 32-bit arithmetic. */
  @Property(tries = 300)
  void cidrFunctions_agreeWithIntegerArithmetic(@ForAll("ranges") long[] range, @ForAll @IntRange(min = 0, max = 2) int extraBits, @ForAll @IntRange(min = 0, max = 1000) int pick) {
    int prefix = (int) range[1];
    long mask = (0xffffffffL << (32 - prefix)) & 0xffffffffL;
    long network = range[0] & mask;
    long size = 1L << (32 - prefix);
    String cidr = ip(range[0]) + "/" + prefix;

    JsonNode parsed = Eval.of("parseCidr('" + cidr + "')");
    assertEquals(ip(network), parsed.get("network").textValue());
    assertEquals(ip(network + size - 1), parsed.get("broadcast").textValue());
    assertEquals(prefix, parsed.get("cidr").intValue());

    int bits = prefix + extraBits;
    int index = pick % (1 << extraBits);
    assertEquals(ip(network + ((long) index << (32 - bits))) + "/" + bits, Eval.of("cidrSubnet('" + cidr + "', " + bits + ", " + index + ")").textValue());

    long host = pick % (size - 2);
    assertEquals(ip(network + 1 + host), Eval.of("cidrHost('" + cidr + "', " + host + ")").textValue());
  }
}
