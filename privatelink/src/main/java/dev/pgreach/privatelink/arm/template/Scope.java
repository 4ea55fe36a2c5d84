package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where an expression is evaluated: its template (parameters, variables, functions, resources,
 * the deployment's scope), the copy loops it is inside of with their indexes, the variables of the
 * lambdas it is inside of, and the parameters of the user-defined function it is the body of.
 * Immutable: entering a loop or a lambda makes a new scope.
 */
final class Scope {
  private final TemplateContext template;
  private final Map<String, Integer> copies;
  private final String innermostCopy;
  private final Map<String, JsonNode> lambdaVariables;
  private final Map<String, JsonNode> functionParameters;

  private Scope(TemplateContext template, Map<String, Integer> copies, String innermostCopy, Map<String, JsonNode> lambdaVariables, Map<String, JsonNode> functionParameters) {
    this.template = template;
    this.copies = copies;
    this.innermostCopy = innermostCopy;
    this.lambdaVariables = lambdaVariables;
    this.functionParameters = functionParameters;
  }

  /** The scope of a template's own values, outside any loop. */
  static Scope of(TemplateContext template) {
    return new Scope(template, Map.of(), null, Map.of(), null);
  }

  TemplateContext template() {
    return template;
  }

  /** This scope inside one iteration of the named copy loop. */
  Scope inCopy(String name, int index) {
    Map<String, Integer> c = new HashMap<>(copies);
    c.put(name.toLowerCase(Locale.ROOT), index);
    return new Scope(template, c, name, lambdaVariables, functionParameters);
  }

  /** The index of the named loop, or of the innermost one when the name is empty. */
  Optional<Integer> copyIndex(Optional<String> name) {
    if (name.isEmpty()) {
      return innermostCopy == null ? Optional.empty() : Optional.of(copies.get(innermostCopy.toLowerCase(Locale.ROOT)));
    }
    return Optional.ofNullable(copies.get(name.get().toLowerCase(Locale.ROOT)));
  }

  /** This scope inside a lambda whose variables have these values. */
  Scope inLambda(List<String> names, List<JsonNode> values) {
    Map<String, JsonNode> v = new HashMap<>(lambdaVariables);
    for (int i = 0; i < names.size(); i++) {
      v.put(names.get(i).toLowerCase(Locale.ROOT), values.get(i));
    }
    return new Scope(template, copies, innermostCopy, v, functionParameters);
  }

  Optional<JsonNode> lambdaVariable(String name) {
    return Optional.ofNullable(lambdaVariables.get(name.toLowerCase(Locale.ROOT)));
  }

  /** The body of a user-defined function called with these parameters: nothing else is visible. */
  Scope inFunction(Map<String, JsonNode> parameters) {
    Map<String, JsonNode> p = new HashMap<>();
    parameters.forEach((k, v) -> p.put(k.toLowerCase(Locale.ROOT), v));
    return new Scope(template, Map.of(), null, Map.of(), p);
  }

  /** Inside a user-defined function, its parameters; empty elsewhere. */
  Optional<Map<String, JsonNode>> functionParameters() {
    return Optional.ofNullable(functionParameters);
  }
}
