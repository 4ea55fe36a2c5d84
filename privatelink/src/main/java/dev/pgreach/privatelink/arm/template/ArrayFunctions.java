package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.LongNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Array functions, and those of arrays and strings both: {@code array}, {@code createArray},
 * {@code concat}, {@code contains}, {@code empty}, {@code first}, {@code last}, {@code indexOf},
 * {@code lastIndexOf}, {@code length}, {@code skip}, {@code take}, {@code range}, {@code flatten},
 * {@code union} and {@code intersection} (of arrays or objects), {@code tryIndexFromEnd}.
 * {@code indexOf} and {@code lastIndexOf} of strings ignore case, as Azure's do; {@code contains}
 * of a string does not, and of an object matches member names ignoring case.
 */
final class ArrayFunctions {
  private ArrayFunctions() {}

  static void register() {
    Functions.structural("array", 1, 1, (n, a) -> a.get(0).isArray() ? a.get(0) : Values.array().add(a.get(0)));
    Functions.define("createArray", (ev, call, scope) -> {
      ArrayNode out = Values.array();
      Functions.arguments(ev, call, scope, 0, Integer.MAX_VALUE).forEach(out::add);
      return out;
    });
    Functions.define("concat", (ev, call, scope) -> {
      List<JsonNode> a = Functions.arguments(ev, call, scope, 1, Integer.MAX_VALUE);
      boolean arrays = a.stream().anyMatch(JsonNode::isArray);
      if (arrays) {
        ArrayNode out = Values.array();
        for (int i = 0; i < a.size(); i++) {
          JsonNode v = a.get(i);
          if (Values.isUnknown(v)) {
            return v;
          }
          if (Values.isNull(v)) {
            continue;
          }
          out.addAll((ArrayNode) Functions.array(call.name(), a, i));
        }
        return Values.capped(out);
      }
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < a.size(); i++) {
        JsonNode v = a.get(i);
        JsonNode u = Values.firstUnknown(v);
        if (u != null) {
          return u;
        }
        if (v.isContainerNode()) {
          throw Functions.wrongType(call.name(), i, v, "a string, an integer or a bool (or only arrays)");
        }
        s.append(Values.text(v));
      }
      return TextNode.valueOf(s.toString());
    });
    Functions.eager("contains", 2, 2, (n, a) -> {
      JsonNode c = a.get(0);
      JsonNode item = a.get(1);
      if (c.isTextual()) {
        return BooleanNode.valueOf(c.textValue().contains(Values.text(item)));
      }
      if (c.isArray()) {
        for (JsonNode e : c) {
          if (Values.same(e, item)) {
            return BooleanNode.TRUE;
          }
        }
        return BooleanNode.FALSE;
      }
      if (c.isObject()) {
        return BooleanNode.valueOf(Values.member(c, Values.text(item)) != null);
      }
      throw Functions.wrongType(n, 0, c, "a string, an array or an object");
    });
    Functions.structural("empty", 1, 1, (n, a) -> {
      JsonNode v = a.get(0);
      return BooleanNode.valueOf(Values.isNull(v) || (v.isTextual() && v.textValue().isEmpty()) || (v.isContainerNode() && v.size() == 0));
    });
    Functions.structural("first", 1, 1, (n, a) -> end(n, a, true));
    Functions.structural("last", 1, 1, (n, a) -> end(n, a, false));
    Functions.eager("indexOf", 2, 2, (n, a) -> LongNode.valueOf(indexOf(n, a, true)));
    Functions.eager("lastIndexOf", 2, 2, (n, a) -> LongNode.valueOf(indexOf(n, a, false)));
    Functions.structural("length", 1, 1, (n, a) -> {
      JsonNode v = a.get(0);
      if (v.isTextual()) {
        return LongNode.valueOf(v.textValue().length());
      }
      if (v.isContainerNode()) {
        return LongNode.valueOf(v.size());
      }
      throw Functions.wrongType(n, 0, v, "a string, an array or an object");
    });
    Functions.structural("skip", 2, 2, (n, a) -> part(n, a, true));
    Functions.structural("take", 2, 2, (n, a) -> part(n, a, false));
    Functions.eager("range", 2, 2, (n, a) -> {
      long start = Functions.integer(n, a, 0);
      long count = Functions.integer(n, a, 1);
      if (count < 0 || count > 10_000) {
        throw new TemplateError("function 'range' makes 0 to 10000 integers, not " + count);
      }
      ArrayNode out = Values.array();
      for (long i = 0; i < count; i++) {
        out.add(start + i);
      }
      return out;
    });
    Functions.structural("flatten", 1, 1, (n, a) -> {
      ArrayNode out = Values.array();
      for (JsonNode e : Functions.array(n, a, 0)) {
        if (Values.isUnknown(e)) {
          return e;
        }
        if (!e.isArray()) {
          throw new TemplateError("function 'flatten' needs an array of arrays, and an element is " + Values.typeName(e));
        }
        out.addAll((ArrayNode) e);
      }
      return out;
    });
    Functions.structural("union", 1, Integer.MAX_VALUE, (n, a) -> {
      if (a.get(0).isArray()) {
        ArrayNode out = Values.array();
        for (int i = 0; i < a.size(); i++) {
          for (JsonNode e : Functions.array(n, a, i)) {
            addDistinct(out, e);
          }
        }
        return Values.capped(out);
      }
      ObjectNode out = Values.object();
      for (int i = 0; i < a.size(); i++) {
        if (Values.isNull(a.get(i))) {
          continue;
        }
        merge(out, (ObjectNode) Functions.object(n, a, i));
      }
      return Values.capped(out);
    });
    Functions.eager("intersection", 2, Integer.MAX_VALUE, (n, a) -> {
      if (a.get(0).isArray()) {
        ArrayNode out = Values.array();
        for (JsonNode e : a.get(0)) {
          boolean everywhere = true;
          for (int i = 1; i < a.size() && everywhere; i++) {
            everywhere = contains(Functions.array(n, a, i), e);
          }
          if (everywhere) {
            addDistinct(out, e);
          }
        }
        return out;
      }
      ObjectNode out = Values.object();
      for (Iterator<Map.Entry<String, JsonNode>> it = Functions.object(n, a, 0).properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        boolean everywhere = true;
        for (int i = 1; i < a.size() && everywhere; i++) {
          JsonNode other = Values.member(Functions.object(n, a, i), m.getKey());
          everywhere = other != null && Values.same(other, m.getValue());
        }
        if (everywhere) {
          out.set(m.getKey(), m.getValue());
        }
      }
      return out;
    });
    Functions.structural("tryIndexFromEnd", 2, 2, (n, a) -> {
      JsonNode arr = Functions.array(n, a, 0);
      long k = Functions.integer(n, a, 1);
      return k >= 1 && k <= arr.size() ? arr.get((int) (arr.size() - k)) : Values.nullValue();
    });
  }

  /** Object union: later members win, except that two objects under one name are merged in turn. */
  static void merge(ObjectNode into, ObjectNode from) {
    for (Iterator<Map.Entry<String, JsonNode>> it = from.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      String key = Values.key(into, m.getKey());
      JsonNode existing = key == null ? null : into.get(key);
      if (existing != null && existing.isObject() && m.getValue().isObject()) {
        ObjectNode copy = ((ObjectNode) existing).deepCopy();
        merge(copy, (ObjectNode) m.getValue());
        into.set(key, copy);
      } else {
        if (key != null && !key.equals(m.getKey())) {
          into.remove(key);
        }
        into.set(m.getKey(), m.getValue());
      }
    }
  }

  private static boolean contains(JsonNode array, JsonNode e) {
    for (JsonNode x : array) {
      if (Values.same(x, e)) {
        return true;
      }
    }
    return false;
  }

  private static void addDistinct(ArrayNode out, JsonNode e) {
    if (Values.isUnknown(e) || !contains(out, e)) {
      out.add(e);
    }
  }

  private static JsonNode end(String n, List<JsonNode> a, boolean first) {
    JsonNode v = a.get(0);
    if (v.isTextual()) {
      String s = v.textValue();
      return TextNode.valueOf(s.isEmpty() ? "" : first ? s.substring(0, 1) : s.substring(s.length() - 1));
    }
    if (v.isArray()) {
      return v.size() == 0 ? Values.nullValue() : v.get(first ? 0 : v.size() - 1);
    }
    throw Functions.wrongType(n, 0, v, "a string or an array");
  }

  private static long indexOf(String n, List<JsonNode> a, boolean first) {
    JsonNode v = a.get(0);
    if (v.isTextual()) {
      String s = v.textValue().toLowerCase(java.util.Locale.ROOT);
      String find = Functions.string(n, a, 1).toLowerCase(java.util.Locale.ROOT);
      return first ? s.indexOf(find) : s.lastIndexOf(find);
    }
    if (v.isArray()) {
      for (int k = 0; k < v.size(); k++) {
        int i = first ? k : v.size() - 1 - k;
        if (Values.same(v.get(i), a.get(1))) {
          return i;
        }
      }
      return -1;
    }
    throw Functions.wrongType(n, 0, v, "a string or an array");
  }

  private static JsonNode part(String n, List<JsonNode> a, boolean skip) {
    JsonNode v = a.get(0);
    long k = Math.max(0, Functions.integer(n, a, 1));
    if (v.isTextual()) {
      String s = v.textValue();
      int cut = (int) Math.min(k, s.length());
      return TextNode.valueOf(skip ? s.substring(cut) : s.substring(0, cut));
    }
    if (v.isArray()) {
      int cut = (int) Math.min(k, v.size());
      ArrayNode out = Values.array();
      for (int i = skip ? cut : 0; i < (skip ? v.size() : cut); i++) {
        out.add(v.get(i));
      }
      return out;
    }
    throw Functions.wrongType(n, 0, v, "a string or an array");
  }
}
