package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import java.util.TreeMap;

/**
 * Object functions: {@code createObject}, {@code items} (members as {@code key}/{@code value}
 * pairs, in the order of their names, as Azure sorts them), {@code objectKeys}, {@code
 * shallowMerge}, and {@code tryGet} (a member or element, or null when it is missing or the value
 * holds no members, as Bicep's {@code .?} operator compiles).
 */
final class ObjectFunctions {
  private ObjectFunctions() {}

  static void register() {
    Functions.define("createObject", (ev, call, scope) -> {
      java.util.List<JsonNode> a = Functions.arguments(ev, call, scope, 0, Integer.MAX_VALUE);
      String n = call.name();
      for (int i = 0; i < a.size(); i += 2) {
        if (Values.isUnknown(a.get(i))) {
          return a.get(i); // a member whose name is unknown
        }
      }
      if (a.size() % 2 != 0) {
        throw new TemplateError("function 'createObject' takes pairs of a name and a value, not " + a.size() + " arguments");
      }
      ObjectNode out = Values.object();
      for (int i = 0; i < a.size(); i += 2) {
        out.set(Functions.string(n, a, i), a.get(i + 1));
      }
      return out;
    });
    Functions.structural("items", 1, 1, (n, a) -> {
      ArrayNode out = Values.array();
      for (Map.Entry<String, JsonNode> m : sorted(Functions.object(n, a, 0)).entrySet()) {
        out.add(Values.object().put("key", m.getKey()).set("value", m.getValue()));
      }
      return out;
    });
    Functions.structural("objectKeys", 1, 1, (n, a) -> {
      ArrayNode out = Values.array();
      Functions.object(n, a, 0).fieldNames().forEachRemaining(out::add);
      return out;
    });
    Functions.structural("shallowMerge", 1, 1, (n, a) -> {
      ObjectNode out = Values.object();
      for (JsonNode e : Functions.array(n, a, 0)) {
        if (Values.isUnknown(e)) {
          return e;
        }
        if (Values.isNull(e)) {
          continue;
        }
        if (!e.isObject()) {
          throw new TemplateError("function 'shallowMerge' needs an array of objects, and an element is " + Values.typeName(e));
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = e.properties().iterator(); it.hasNext(); ) {
          Map.Entry<String, JsonNode> m = it.next();
          String key = Values.key(out, m.getKey());
          if (key != null && !key.equals(m.getKey())) {
            out.remove(key);
          }
          out.set(m.getKey(), m.getValue());
        }
      }
      return out;
    });
    Functions.structural("tryGet", 2, Integer.MAX_VALUE, (n, a) -> {
      JsonNode v = a.get(0);
      for (int i = 1; i < a.size(); i++) {
        if (Values.isUnknown(v)) {
          return v;
        }
        JsonNode k = a.get(i);
        if (Values.isNull(v)) {
          return Values.nullValue();
        }
        if (v.isObject() && k.isTextual()) {
          JsonNode m = Values.member(v, k.textValue());
          v = m == null ? Values.nullValue() : m;
        } else if (v.isArray() && k.isIntegralNumber()) {
          long at = k.longValue();
          v = at >= 0 && at < v.size() ? v.get((int) at) : Values.nullValue();
        } else {
          return Values.nullValue(); // nothing to look up in a string or a number: tryGet is null, never an error
        }
      }
      return v;
    });
  }

  /** An object's members in the order of their names, ignoring case first, as {@code items()} lists them. */
  static TreeMap<String, JsonNode> sorted(JsonNode o) {
    TreeMap<String, JsonNode> out = new TreeMap<>((x, y) -> {
      int c = x.compareToIgnoreCase(y);
      return c != 0 ? c : x.compareTo(y);
    });
    o.properties().iterator().forEachRemaining(m -> out.put(m.getKey(), m.getValue()));
    return out;
  }
}
