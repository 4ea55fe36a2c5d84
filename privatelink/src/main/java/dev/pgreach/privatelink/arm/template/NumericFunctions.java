package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Numeric functions: {@code add}, {@code sub}, {@code mul}, {@code div} and {@code mod} (of
 * 64-bit integers; division truncates), {@code int}, {@code float}, {@code min} and {@code max} (of
 * integers, or of one array of integers). The CIDR functions are {@link CidrFunctions}.
 */
final class NumericFunctions {
  private NumericFunctions() {}

  static void register() {
    Functions.eager("add", 2, 2, (n, a) -> LongNode.valueOf(Math.addExact(Functions.integer(n, a, 0), Functions.integer(n, a, 1))));
    Functions.eager("sub", 2, 2, (n, a) -> LongNode.valueOf(Math.subtractExact(Functions.integer(n, a, 0), Functions.integer(n, a, 1))));
    Functions.eager("mul", 2, 2, (n, a) -> LongNode.valueOf(Math.multiplyExact(Functions.integer(n, a, 0), Functions.integer(n, a, 1))));
    Functions.eager("div", 2, 2, (n, a) -> LongNode.valueOf(Functions.integer(n, a, 0) / divisor(n, a)));
    Functions.eager("mod", 2, 2, (n, a) -> LongNode.valueOf(Functions.integer(n, a, 0) % divisor(n, a)));
    Functions.eager("int", 1, 1, (n, a) -> {
      JsonNode v = a.get(0);
      if (v.isTextual()) {
        try {
          return LongNode.valueOf(Long.parseLong(v.textValue().strip()));
        } catch (NumberFormatException e) {
          throw Functions.wrongType(n, 0, v, "an integer or the text of one");
        }
      }
      if (v.isNumber()) {
        return LongNode.valueOf((long) v.doubleValue());
      }
      throw Functions.wrongType(n, 0, v, "an integer or the text of one");
    });
    Functions.eager("float", 1, 1, (n, a) -> {
      JsonNode v = a.get(0);
      try {
        return DoubleNode.valueOf(v.isTextual() ? Double.parseDouble(v.textValue()) : v.asDouble());
      } catch (NumberFormatException e) {
        throw Functions.wrongType(n, 0, v, "a number or the text of one");
      }
    });
    Functions.eager("min", 1, Integer.MAX_VALUE, (n, a) -> extreme(n, a, true));
    Functions.eager("max", 1, Integer.MAX_VALUE, (n, a) -> extreme(n, a, false));
  }

  private static long divisor(String n, List<JsonNode> a) {
    long d = Functions.integer(n, a, 1);
    if (d == 0) {
      throw new TemplateError("function '" + n + "' divides by zero");
    }
    return d;
  }

  private static JsonNode extreme(String n, List<JsonNode> a, boolean min) {
    List<JsonNode> values = new ArrayList<>();
    if (a.size() == 1 && a.get(0).isArray()) {
      a.get(0).forEach(values::add);
    } else {
      values.addAll(a);
    }
    if (values.isEmpty()) {
      throw new TemplateError("function '" + n + "' needs at least one integer");
    }
    long best = Functions.integer(n, values, 0);
    for (int i = 1; i < values.size(); i++) {
      long v = Functions.integer(n, values, i);
      best = min ? Math.min(best, v) : Math.max(best, v);
    }
    return LongNode.valueOf(best);
  }
}
