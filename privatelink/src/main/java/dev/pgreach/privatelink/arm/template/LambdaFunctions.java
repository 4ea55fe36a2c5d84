package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Lambda functions: {@code filter}, {@code map}, {@code reduce}, {@code sort}, {@code toObject},
 * {@code groupBy} and {@code mapValues}, whose last arguments are {@code lambda('x', body)}
 * expressions; inside the body {@code lambdaVariables('x')} is the current element. An optional
 * further variable of {@code filter}, {@code map} and {@code reduce} is the element's index. A
 * body that is unknown for some element makes the whole result unknown.
 */
final class LambdaFunctions {
  private LambdaFunctions() {}

  /** A lambda's variables and body. */
  private record Lambda(List<String> names, Expression body) {}

  static void register() {
    Functions.define("lambda", (ev, call, scope) -> {
      throw new TemplateError("a lambda is an argument of filter, map, reduce, sort, toObject, groupBy or mapValues, not a value");
    });
    Functions.define("lambdaVariables", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 1, 1);
      String name = Functions.string(call.name(), a, 0);
      return scope.lambdaVariable(name).orElseThrow(() -> new TemplateError("names lambda variable '" + name + "', which no enclosing lambda declares"));
    });
    Functions.define("filter", (ev, call, scope) -> {
      Functions.count(call, 2, 2);
      JsonNode array = ev.evaluate(call.arguments().get(0), scope);
      if (Values.isUnknown(array)) {
        return array;
      }
      Lambda f = lambda(ev, call, 1, 1, 2, scope);
      ArrayNode out = Values.array();
      for (int i = 0; i < arrayOf(call, array).size(); i++) {
        JsonNode keep = apply(ev, f, scope, array.get(i), LongNode.valueOf(i));
        if (Values.isUnknown(keep)) {
          return keep;
        }
        if (!keep.isBoolean()) {
          throw new TemplateError("the lambda of 'filter' must give a bool, not " + Values.typeName(keep));
        }
        if (keep.booleanValue()) {
          out.add(array.get(i));
        }
      }
      return out;
    });
    Functions.define("map", (ev, call, scope) -> {
      Functions.count(call, 2, 2);
      JsonNode array = ev.evaluate(call.arguments().get(0), scope);
      if (Values.isUnknown(array)) {
        return array;
      }
      Lambda f = lambda(ev, call, 1, 1, 2, scope);
      ArrayNode out = Values.array();
      for (int i = 0; i < arrayOf(call, array).size(); i++) {
        out.add(apply(ev, f, scope, array.get(i), LongNode.valueOf(i)));
      }
      return Values.capped(out);
    });
    Functions.define("reduce", (ev, call, scope) -> {
      Functions.count(call, 3, 3);
      JsonNode array = ev.evaluate(call.arguments().get(0), scope);
      JsonNode acc = ev.evaluate(call.arguments().get(1), scope);
      if (Values.isUnknown(array)) {
        return array;
      }
      Lambda f = lambda(ev, call, 2, 2, 3, scope);
      for (int i = 0; i < arrayOf(call, array).size(); i++) {
        acc = Values.capped(apply(ev, f, scope, acc, array.get(i), LongNode.valueOf(i)));
      }
      return acc;
    });
    Functions.define("sort", (ev, call, scope) -> {
      Functions.count(call, 2, 2);
      JsonNode array = ev.evaluate(call.arguments().get(0), scope);
      if (Values.isUnknown(array)) {
        return array;
      }
      Lambda f = lambda(ev, call, 1, 2, 2, scope);
      List<JsonNode> items = new ArrayList<>();
      arrayOf(call, array).forEach(items::add);
      // insertion sort: stable, and the lambda's answers need not form a consistent order
      for (int i = 1; i < items.size(); i++) {
        JsonNode x = items.get(i);
        int j = i - 1;
        while (j >= 0) {
          JsonNode before = apply(ev, f, scope, x, items.get(j));
          if (Values.isUnknown(before)) {
            return before;
          }
          if (!before.isBoolean() || !before.booleanValue()) {
            break;
          }
          items.set(j + 1, items.get(j));
          j--;
        }
        items.set(j + 1, x);
      }
      ArrayNode out = Values.array();
      items.forEach(out::add);
      return out;
    });
    Functions.define("toObject", (ev, call, scope) -> {
      Functions.count(call, 2, 3);
      JsonNode array = ev.evaluate(call.arguments().get(0), scope);
      if (Values.isUnknown(array)) {
        return array;
      }
      Lambda key = lambda(ev, call, 1, 1, 1, scope);
      Lambda value = call.arguments().size() > 2 ? lambda(ev, call, 2, 1, 1, scope) : null;
      ObjectNode out = Values.object();
      for (JsonNode e : arrayOf(call, array)) {
        JsonNode k = apply(ev, key, scope, e);
        if (Values.isUnknown(k)) {
          return k;
        }
        if (!k.isTextual()) {
          throw new TemplateError("the key lambda of 'toObject' must give a string, not " + Values.typeName(k));
        }
        out.set(k.textValue(), value == null ? e : apply(ev, value, scope, e));
      }
      return out;
    });
    Functions.define("groupBy", (ev, call, scope) -> {
      Functions.count(call, 2, 2);
      JsonNode array = ev.evaluate(call.arguments().get(0), scope);
      if (Values.isUnknown(array)) {
        return array;
      }
      Lambda key = lambda(ev, call, 1, 1, 1, scope);
      ObjectNode out = Values.object();
      for (JsonNode e : arrayOf(call, array)) {
        JsonNode k = apply(ev, key, scope, e);
        if (Values.isUnknown(k)) {
          return k;
        }
        String name = Values.text(k);
        String existing = Values.key(out, name);
        ((ArrayNode) (existing == null ? out.putArray(name) : out.get(existing))).add(e);
      }
      return out;
    });
    Functions.define("mapValues", (ev, call, scope) -> {
      Functions.count(call, 2, 2);
      JsonNode o = ev.evaluate(call.arguments().get(0), scope);
      if (Values.isUnknown(o)) {
        return o;
      }
      if (!o.isObject()) {
        throw Functions.wrongType(call.name(), 0, o, "an object");
      }
      Lambda f = lambda(ev, call, 1, 1, 1, scope);
      ObjectNode out = Values.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        out.set(m.getKey(), apply(ev, f, scope, m.getValue()));
      }
      return out;
    });
  }

  private static JsonNode arrayOf(Expression.Call call, JsonNode v) {
    if (!v.isArray()) {
      throw Functions.wrongType(call.name(), 0, v, "an array");
    }
    return v;
  }

  /** Reads argument {@code at} as a lambda of {@code min} to {@code max} variables. */
  private static Lambda lambda(Evaluator ev, Expression.Call call, int at, int min, int max, Scope scope) {
    Expression e = call.arguments().get(at);
    if (!(e instanceof Expression.Call l) || !l.namespace().isEmpty() || !l.name().equalsIgnoreCase("lambda") || l.arguments().isEmpty()) {
      throw new TemplateError("function '" + call.name() + "' needs a lambda as argument " + (at + 1));
    }
    int variables = l.arguments().size() - 1;
    if (variables < min || variables > max) {
      throw new TemplateError("the lambda of '" + call.name() + "' takes " + (min == max ? min : min + " to " + max) + " variables, not " + variables);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < variables; i++) {
      JsonNode name = ev.evaluate(l.arguments().get(i), scope);
      if (!name.isTextual()) {
        throw new TemplateError("a lambda's variable names are strings, not " + Values.typeName(name));
      }
      names.add(name.textValue());
    }
    return new Lambda(names, l.arguments().get(variables));
  }

  private static JsonNode apply(Evaluator ev, Lambda f, Scope scope, JsonNode... values) {
    List<JsonNode> given = new ArrayList<>();
    for (int i = 0; i < f.names().size(); i++) {
      given.add(values[i]);
    }
    return ev.evaluate(f.body(), scope.inLambda(f.names(), given));
  }
}
