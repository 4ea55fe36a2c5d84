package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The template functions pgreach evaluates, by name (names match ignoring case), gathered from
 * one class per family. Most functions take evaluated arguments ({@link #eager}); a few decide
 * which arguments to evaluate ({@code if}, {@code and}, {@code or}, {@code coalesce}) or take
 * lambdas.
 *
 * <p>An argument that is unknown makes the result unknown, except for functions that only move
 * values around ({@link #structural}): {@code createArray}, {@code concat} of arrays, {@code
 * first} … keep an unknown element unknown and the rest known.
 */
final class Functions {
  /** One function. */
  @FunctionalInterface
  interface Function {
    /**
     * Applies the function.
     *
     * @param ev the evaluator
     * @param call the call, for its name and arguments
     * @param scope where the call is
     * @return the value
     */
    JsonNode apply(Evaluator ev, Expression.Call call, Scope scope);
  }

  /** A function of evaluated arguments. */
  @FunctionalInterface
  interface Eager {
    JsonNode apply(String name, List<JsonNode> args);
  }

  private static final Map<String, Function> ALL = new HashMap<>();

  static {
    LogicalFunctions.register();
    ComparisonFunctions.register();
    StringFunctions.register();
    ArrayFunctions.register();
    ObjectFunctions.register();
    NumericFunctions.register();
    CidrFunctions.register();
    LambdaFunctions.register();
    DeploymentFunctions.register();
    ResourceFunctions.register();
  }

  private Functions() {}

  static Function find(String name) {
    return ALL.get(name.toLowerCase(Locale.ROOT));
  }

  static void define(String name, Function f) {
    ALL.put(name.toLowerCase(Locale.ROOT), f);
  }

  /** Defines a function of evaluated arguments whose result is unknown if any argument holds an unknown. */
  static void eager(String name, int min, int max, Eager f) {
    define(name, (ev, call, scope) -> {
      List<JsonNode> args = arguments(ev, call, scope, min, max);
      for (JsonNode a : args) {
        JsonNode u = Values.firstUnknown(a);
        if (u != null) {
          return u;
        }
      }
      return f.apply(call.name(), args);
    });
  }

  /** Defines a function of evaluated arguments that keeps unknown elements and is unknown only for an unknown argument. */
  static void structural(String name, int min, int max, Eager f) {
    define(name, (ev, call, scope) -> {
      List<JsonNode> args = arguments(ev, call, scope, min, max);
      for (JsonNode a : args) {
        if (Values.isUnknown(a)) {
          return a;
        }
      }
      return f.apply(call.name(), args);
    });
  }

  /** Evaluates a call's arguments, checking how many there are. */
  static List<JsonNode> arguments(Evaluator ev, Expression.Call call, Scope scope, int min, int max) {
    count(call, min, max);
    List<JsonNode> out = new ArrayList<>(call.arguments().size());
    for (Expression e : call.arguments()) {
      out.add(ev.evaluate(e, scope));
    }
    return out;
  }

  static void count(Expression.Call call, int min, int max) {
    int n = call.arguments().size();
    if (n < min || n > max) {
      String want = min == max ? String.valueOf(min) : max == Integer.MAX_VALUE ? "at least " + min : min + " to " + max;
      throw new TemplateError("function '" + call.name() + "' takes " + want + " argument" + (min == 1 && max == 1 ? "" : "s") + ", not " + n);
    }
  }

  static TemplateError wrongType(String name, int index, JsonNode v, String wanted) {
    return new TemplateError("function '" + name + "' needs " + wanted + " as argument " + (index + 1) + ", not " + Values.typeName(v)
        + (v != null && (v.isTextual() || v.isNumber() || v.isBoolean()) ? " " + clip(Values.text(v)) : ""));
  }

  private static String clip(String s) {
    return s.length() > 60 ? "'" + s.substring(0, 60) + "…'" : "'" + s + "'";
  }

  static String string(String name, List<JsonNode> args, int i) {
    JsonNode v = args.get(i);
    if (v == null || !v.isTextual()) {
      throw wrongType(name, i, v, "a string");
    }
    return v.textValue();
  }

  static long integer(String name, List<JsonNode> args, int i) {
    JsonNode v = args.get(i);
    if (v != null && v.isIntegralNumber() && v.canConvertToLong()) {
      return v.longValue();
    }
    if (v != null && v.isNumber() && v.doubleValue() == Math.rint(v.doubleValue())) {
      return (long) v.doubleValue();
    }
    throw wrongType(name, i, v, "an integer");
  }

  static int index(String name, List<JsonNode> args, int i) {
    long n = integer(name, args, i);
    if (n > Integer.MAX_VALUE || n < Integer.MIN_VALUE) {
      throw new TemplateError("function '" + name + "' argument " + (i + 1) + " (" + n + ") is out of range");
    }
    return (int) n;
  }

  static boolean bool(String name, List<JsonNode> args, int i) {
    JsonNode v = args.get(i);
    if (v == null || !v.isBoolean()) {
      throw wrongType(name, i, v, "a bool");
    }
    return v.booleanValue();
  }

  static JsonNode array(String name, List<JsonNode> args, int i) {
    JsonNode v = args.get(i);
    if (v == null || !v.isArray()) {
      throw wrongType(name, i, v, "an array");
    }
    return v;
  }

  static JsonNode object(String name, List<JsonNode> args, int i) {
    JsonNode v = args.get(i);
    if (v == null || !v.isObject()) {
      throw wrongType(name, i, v, "an object");
    }
    return v;
  }
}
