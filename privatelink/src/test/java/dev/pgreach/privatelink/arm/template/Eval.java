package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;

/** Evaluates one expression in a small template, for the function tests. */
final class Eval {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private Eval() {}

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new AssertionError(e);
    }
  }

  /** The value of {@code [expression]} in a template with these parameters and variables, deployed to sub/rg in westeurope. */
  static JsonNode of(String expression, String parameters, String variables) {
    TemplateRun run = new TemplateRun();
    JsonNode template = json("{\"parameters\": " + parameters + ", \"variables\": " + variables + ", \"resources\": []}");
    Target target = new Target(java.util.Optional.empty(), java.util.Optional.empty(), java.util.Optional.of("sub"), java.util.Optional.of("rg"),
        java.util.Optional.of("westeurope"), Values.F.textNode("main"), java.util.Optional.empty());
    TemplateContext ctx = new TemplateContext(run, template, "$", target, null, false, Map.of());
    return run.evaluator.value(Values.F.textNode("[" + expression + "]"), Scope.of(ctx), "$.x");
  }

  static JsonNode of(String expression) {
    return of(expression, "{}", "{}");
  }
}
