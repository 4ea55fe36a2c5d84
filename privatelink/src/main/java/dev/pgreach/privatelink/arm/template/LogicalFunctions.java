package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.Locale;

/**
 * Logical functions: {@code and}, {@code or}, {@code not}, {@code if}, {@code bool}, {@code
 * true}, {@code false}, and {@code null} and {@code coalesce}. {@code and} and {@code or} stop at
 * the first argument that decides the answer, so a known {@code false} makes {@code and} false
 * even when a later argument is unknown; {@code if} evaluates only the branch its condition
 * chooses; {@code coalesce} returns the first argument that is not null.
 */
final class LogicalFunctions {
  private LogicalFunctions() {}

  static void register() {
    Functions.define("and", (ev, call, scope) -> junction(ev, call, scope, false));
    Functions.define("or", (ev, call, scope) -> junction(ev, call, scope, true));
    Functions.eager("not", 1, 1, (n, a) -> BooleanNode.valueOf(!Functions.bool(n, a, 0)));
    Functions.define("if", (ev, call, scope) -> {
      Functions.count(call, 3, 3);
      JsonNode c = ev.evaluate(call.arguments().get(0), scope);
      if (Values.holdsUnknown(c)) {
        return Values.firstUnknown(c);
      }
      if (!c.isBoolean()) {
        throw Functions.wrongType(call.name(), 0, c, "a bool");
      }
      return ev.evaluate(call.arguments().get(c.booleanValue() ? 1 : 2), scope);
    });
    Functions.eager("bool", 1, 1, (n, a) -> {
      JsonNode v = a.get(0);
      if (v.isBoolean()) {
        return v;
      }
      if (v.isIntegralNumber()) {
        return BooleanNode.valueOf(v.longValue() != 0);
      }
      if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
        return BooleanNode.valueOf(v.textValue().toLowerCase(Locale.ROOT).equals("true"));
      }
      throw Functions.wrongType(n, 0, v, "'true', 'false', a bool or an integer");
    });
    Functions.eager("true", 0, 0, (n, a) -> BooleanNode.TRUE);
    Functions.eager("false", 0, 0, (n, a) -> BooleanNode.FALSE);
    Functions.eager("null", 0, 0, (n, a) -> Values.nullValue());
    Functions.define("coalesce", (ev, call, scope) -> {
      Functions.count(call, 1, Integer.MAX_VALUE);
      for (Expression e : call.arguments()) {
        JsonNode v = ev.evaluate(e, scope);
        if (Values.isUnknown(v)) {
          return v; // whether it is null is not known
        }
        if (!Values.isNull(v)) {
          return v;
        }
      }
      return Values.nullValue();
    });
  }

  private static JsonNode junction(Evaluator ev, Expression.Call call, Scope scope, boolean decidingValue) {
    Functions.count(call, 2, Integer.MAX_VALUE);
    JsonNode unknown = null;
    for (int i = 0; i < call.arguments().size(); i++) {
      JsonNode v = ev.evaluate(call.arguments().get(i), scope);
      if (Values.isUnknown(v)) {
        unknown = unknown == null ? v : unknown;
        continue;
      }
      if (!v.isBoolean()) {
        throw Functions.wrongType(call.name(), i, v, "a bool");
      }
      if (v.booleanValue() == decidingValue) {
        return BooleanNode.valueOf(decidingValue);
      }
    }
    return unknown != null ? unknown : BooleanNode.valueOf(!decidingValue);
  }
}
