package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One template being evaluated, the main one or a nested deployment's: its parameters (the values
 * given for them, else their defaults, else null for a nullable one), its variables (evaluated once,
 * on first use; {@code copy} loops among them), its user-defined functions, the resources it
 * declares, and where it deploys. A nested template evaluated in the outer scope takes its
 * parameters, variables and functions from the outer template.
 */
final class TemplateContext {
  final TemplateRun run;
  final JsonNode template;
  final String path;
  final Target target;
  final TemplateContext parent;
  private final TemplateContext values;
  private final Map<String, JsonNode> supplied;
  private final Map<String, JsonNode> parameterCache = new HashMap<>();
  private final Map<String, JsonNode> variableCache = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  final List<Instance> instances = new ArrayList<>();
  final Map<String, List<Instance>> bySymbol = new LinkedHashMap<>();
  final Map<String, Instance> byId = new HashMap<>();
  /** Whether the template is deployed only if a condition known only at deployment holds. */
  boolean uncertain;
  /** What gave each supplied value, by parameter name in lower case, for messages. */
  final Map<String, String> givenBy = new HashMap<>();

  /**
   * Creates the context of a template.
   *
   * @param run the whole evaluation
   * @param template the template object
   * @param path its JSON path
   * @param target where it deploys
   * @param parent the template it is nested in, or null
   * @param outerScope whether its expressions see the parent's parameters and variables
   * @param supplied the values given for its parameters, by name in lower case
   */
  TemplateContext(TemplateRun run, JsonNode template, String path, Target target, TemplateContext parent, boolean outerScope, Map<String, JsonNode> supplied) {
    this.run = run;
    this.template = template;
    this.path = path;
    this.target = target;
    this.parent = parent;
    this.values = outerScope && parent != null ? parent.values : this;
    this.supplied = supplied;
  }

  /** Whether the template is Bicep's language version 2.0 (resources by symbolic name, nullable parameters). */
  boolean isLanguageVersion2() {
    JsonNode v = Values.member(template, "languageVersion");
    return v != null && v.isTextual() && !v.textValue().startsWith("1");
  }

  // ------------------------------------------------------------------ parameters

  /** The declared parameters, or an empty object. */
  JsonNode declaredParameters() {
    JsonNode p = Values.member(template, "parameters");
    return p != null && p.isObject() ? p : Values.object();
  }

  /** {@code parameters(name)}: inside a user-defined function its own parameter, else the template's. */
  JsonNode parameter(String name, Scope scope) {
    if (scope.functionParameters().isPresent()) {
      JsonNode v = scope.functionParameters().get().get(name.toLowerCase(Locale.ROOT));
      if (v == null) {
        throw new TemplateError("names parameter '" + name + "', which the function does not declare");
      }
      return v;
    }
    if (values != this) {
      return values.parameter(name, Scope.of(values));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    JsonNode cached = parameterCache.get(lower);
    if (cached != null) {
      return cached;
    }
    JsonNode declared = declaredParameters();
    String key = Values.key(declared, name);
    if (key == null) {
      throw new TemplateError("names template parameter '" + name + "', which the template does not declare");
    }
    JsonNode declaration = declared.get(key);
    JsonNode v;
    if (supplied.containsKey(lower) && !(Values.isNull(supplied.get(lower)) && declaration.isObject() && Values.member(declaration, "defaultValue") != null)) {
      v = supplied.get(lower); // a null given for a parameter with a default is no value: the default applies
      if (!Values.isNull(v)) {
        Optional<String> misfit = ParameterTypes.misfit(declaration, v, Values.member(template, "definitions"));
        if (misfit.isPresent()) {
          v = refused(key, v, misfit.get());
        }
      }
    } else if (declaration.isObject() && Values.member(declaration, "defaultValue") != null) {
      if (!evaluating.add("parameter " + lower)) {
        throw new TemplateError("the default value of parameter '" + name + "' refers back to itself");
      }
      try {
        v = run.evaluator.value(Values.member(declaration, "defaultValue"), Scope.of(this), path + ".parameters" + Values.memberPath(key) + ".defaultValue");
      } finally {
        evaluating.remove("parameter " + lower);
      }
    } else if (nullable(declaration)) {
      v = Values.nullValue();
    } else if (secure(declaration)) {
      v = Values.unknown("parameter " + key + " is a secret given at deployment, not in the input");
    } else {
      throw new TemplateError.NoValue("names template parameter '" + name + "', which has no defaultValue and is given no value"
          + " (give it in a parameters file, as name=value, or in the companion document's deployment.parameters)");
    }
    parameterCache.put(lower, v);
    return v;
  }

  /**
   * Checks every value given for a declared parameter against its declaration now, so that every
   * refusal is reported even for parameters nothing reads.
   */
  void checkGiven() {
    if (values != this) {
      return;
    }
    JsonNode declared = declaredParameters();
    for (String name : new ArrayList<>(supplied.keySet())) {
      if (Values.key(declared, name) != null) {
        parameter(name, Scope.of(this));
      }
    }
  }

  /** A value Azure refuses for a parameter: reported as refused, and read as unknown. */
  private JsonNode refused(String key, JsonNode value, String misfit) {
    String at = path + ".parameters" + Values.memberPath(key);
    String by = givenBy.get(key.toLowerCase(Locale.ROOT));
    run.refuse(PgreachException.of(ErrorCode.INVALID_VALUE, "%s (%s%s): the value %s; Azure refuses a deployment given it, so parameter %s is read as unknown",
        at, Values.show(value), by == null ? "" : ", given by " + by, misfit, key));
    return Values.unknown("the value given for parameter " + key + " is refused (" + misfit + ")");
  }

  private static boolean secure(JsonNode declaration) {
    JsonNode t = declaration.isObject() ? Values.member(declaration, "type") : null;
    return t != null && t.isTextual() && (t.textValue().equalsIgnoreCase("securestring") || t.textValue().equalsIgnoreCase("secureobject"));
  }

  /** Whether a parameter is nullable: declared so, or through the type definition it names ({@code $ref}). */
  private boolean nullable(JsonNode declaration) {
    return declaration.isObject() && ParameterTypes.nullable(declaration, Values.member(template, "definitions"));
  }

  // ------------------------------------------------------------------ variables

  /** {@code variables(name)}, evaluated once. */
  JsonNode variable(String name, Scope scope) {
    if (scope.functionParameters().isPresent()) {
      throw new TemplateError("a user-defined function cannot read variables, and this one reads '" + name + "'");
    }
    if (values != this) {
      return values.variable(name, Scope.of(values));
    }
    String lower = name.toLowerCase(Locale.ROOT);
    JsonNode cached = variableCache.get(lower);
    if (cached != null) {
      return cached;
    }
    JsonNode variables = Values.member(template, "variables");
    if (variables == null || !variables.isObject()) {
      throw new TemplateError("names template variable '" + name + "', which the template does not declare");
    }
    if (!evaluating.add(lower)) {
      throw new TemplateError("names template variable '" + name + "', whose value refers back to itself");
    }
    try {
      JsonNode v = null;
      String key = Values.key(variables, name);
      if (key != null && !key.equalsIgnoreCase("copy")) {
        v = run.evaluator.value(variables.get(key), Scope.of(this), path + ".variables" + Values.memberPath(key));
      } else {
        v = loopVariable(variables, name);
      }
      if (v == null) {
        throw new TemplateError("names template variable '" + name + "', which the template does not declare");
      }
      variableCache.put(lower, v);
      return v;
    } finally {
      evaluating.remove(lower);
    }
  }

  /** A variable made by a loop of {@code variables.copy}, or null. */
  private JsonNode loopVariable(JsonNode variables, String name) {
    String copyKey = Values.key(variables, "copy");
    JsonNode loops = copyKey == null ? null : variables.get(copyKey);
    if (loops == null || !loops.isArray()) {
      return null;
    }
    for (int k = 0; k < loops.size(); k++) {
      JsonNode loop = loops.get(k);
      JsonNode n = loop.isObject() ? Values.member(loop, "name") : null;
      if (n == null || !n.isTextual() || !n.textValue().equalsIgnoreCase(name)) {
        continue;
      }
      String at = path + ".variables" + Values.memberPath(copyKey) + "[" + k + "]";
      JsonNode rawCount = Values.member(loop, "count");
      JsonNode count = run.evaluator.value(rawCount, Scope.of(this), at + ".count");
      if (Values.holdsUnknown(count)) {
        return Values.unknown("the number of elements of variable " + name + " is known only at deployment");
      }
      int c;
      try {
        c = Evaluator.copyCount(count);
      } catch (TemplateError t) {
        throw Evaluator.located(at + ".count", rawCount == null ? Values.nullValue() : rawCount, t);
      }
      ArrayNode out = Values.array();
      for (int i = 0; i < c; i++) {
        out.add(run.evaluator.value(Values.member(loop, "input"), Scope.of(this).inCopy(n.textValue(), i), at + ".input"));
      }
      return Values.capped(out);
    }
    return null;
  }

  // ------------------------------------------------------------------ user-defined functions

  /** Calls {@code namespace.name(…)} of the template's {@code functions}. */
  JsonNode callFunction(Evaluator ev, Expression.Call call, Scope scope) {
    if (values != this) {
      return values.callFunction(ev, call, scope);
    }
    JsonNode functions = Values.member(template, "functions");
    if (functions != null && functions.isArray()) {
      for (int k = 0; k < functions.size(); k++) {
        JsonNode ns = functions.get(k);
        JsonNode nsName = Values.member(ns, "namespace");
        JsonNode members = Values.member(ns, "members");
        if (nsName == null || !nsName.isTextual() || !nsName.textValue().equalsIgnoreCase(call.namespace()) || members == null || !members.isObject()) {
          continue;
        }
        String key = Values.key(members, call.name());
        if (key == null) {
          continue;
        }
        JsonNode f = members.get(key);
        JsonNode params = Values.member(f, "parameters");
        int declared = params != null && params.isArray() ? params.size() : 0;
        Functions.count(call, declared, declared);
        Map<String, JsonNode> bound = new HashMap<>();
        for (int i = 0; i < declared; i++) {
          JsonNode pn = Values.member(params.get(i), "name");
          bound.put(pn == null ? "" : pn.asText(), ev.evaluate(call.arguments().get(i), scope));
        }
        JsonNode output = Values.member(f, "output");
        JsonNode body = output == null ? null : Values.member(output, "value");
        if (body == null) {
          throw new TemplateError("function '" + call.namespace() + "." + call.name() + "' has no output.value");
        }
        String at = path + ".functions[" + k + "].members" + Values.memberPath(key) + ".output.value";
        return ev.value(body, scope.inFunction(bound), at);
      }
    }
    throw new TemplateError("calls function '" + call.namespace() + "." + call.name() + "', which the template's functions do not declare");
  }

  /** An error at this template's root, for what is wrong with the template as a whole. */
  PgreachException error(String member, JsonNode raw, String message) {
    return PgreachException.of(ErrorCode.INVALID_INPUT, "%s (%s): %s", path + member, Values.show(raw), message);
  }
}
