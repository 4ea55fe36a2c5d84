package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import java.util.List;

/**
 * Comparison functions: {@code equals} (deep equality; strings compare exactly), {@code less},
 * {@code lessOrEquals}, {@code greater}, {@code greaterOrEquals} (integers by value, strings
 * ordinally).
 */
final class ComparisonFunctions {
  private ComparisonFunctions() {}

  static void register() {
    Functions.eager("equals", 2, 2, (n, a) -> BooleanNode.valueOf(Values.same(a.get(0), a.get(1))));
    Functions.eager("less", 2, 2, (n, a) -> BooleanNode.valueOf(compare(n, a) < 0));
    Functions.eager("lessOrEquals", 2, 2, (n, a) -> BooleanNode.valueOf(compare(n, a) <= 0));
    Functions.eager("greater", 2, 2, (n, a) -> BooleanNode.valueOf(compare(n, a) > 0));
    Functions.eager("greaterOrEquals", 2, 2, (n, a) -> BooleanNode.valueOf(compare(n, a) >= 0));
  }

  static int compare(String name, List<JsonNode> a) {
    JsonNode x = a.get(0);
    JsonNode y = a.get(1);
    if (x.isNumber() && y.isNumber()) {
      return x.decimalValue().compareTo(y.decimalValue());
    }
    if (x.isTextual() && y.isTextual()) {
      return Integer.signum(x.textValue().compareTo(y.textValue()));
    }
    throw new TemplateError("function '" + name + "' compares two integers or two strings, not " + Values.typeName(x) + " and " + Values.typeName(y));
  }
}
