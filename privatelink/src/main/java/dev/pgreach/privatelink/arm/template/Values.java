package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.Iterator;
import java.util.Map;

/**
 * Template values: JSON values, and the marker of a value known only at deployment ({@link
 * ResourceInput#unknown(String)}). Helpers for their types, their text as {@code string()} gives it
 * and the comparisons the functions make.
 */
final class Values {
  private Values() {}

  static final JsonNodeFactory F = JsonNodeFactory.instance;
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static JsonNode unknown(String why) {
    return ResourceInput.unknown(why);
  }

  static boolean isUnknown(JsonNode v) {
    return ResourceInput.isUnknown(v);
  }

  /** Whether a value is unknown or holds an unknown value anywhere inside it. */
  static boolean holdsUnknown(JsonNode v) {
    if (v == null) {
      return false;
    }
    if (isUnknown(v)) {
      return true;
    }
    if (v.isContainerNode()) {
      for (JsonNode e : v) {
        if (holdsUnknown(e)) {
          return true;
        }
      }
    }
    return false;
  }

  /** The first unknown value inside a value, for its reason. */
  static JsonNode firstUnknown(JsonNode v) {
    if (isUnknown(v)) {
      return v;
    }
    if (v != null && v.isContainerNode()) {
      for (JsonNode e : v) {
        JsonNode u = firstUnknown(e);
        if (u != null) {
          return u;
        }
      }
    }
    return null;
  }

  static boolean isNull(JsonNode v) {
    return v == null || v.isNull() || v.isMissingNode();
  }

  static JsonNode nullValue() {
    return NullNode.getInstance();
  }

  /** The type's name as the template language names types. */
  static String typeName(JsonNode v) {
    if (isNull(v)) {
      return "null";
    }
    if (isUnknown(v)) {
      return "unknown";
    }
    if (v.isTextual()) {
      return "string";
    }
    if (v.isIntegralNumber()) {
      return "int";
    }
    if (v.isNumber()) {
      return "number";
    }
    if (v.isBoolean()) {
      return "bool";
    }
    if (v.isArray()) {
      return "array";
    }
    return "object";
  }

  /** A value's text as {@code string()} and {@code format()} give it. */
  static String text(JsonNode v) {
    if (v.isTextual()) {
      return v.textValue();
    }
    if (v.isBoolean()) {
      return v.booleanValue() ? "True" : "False";
    }
    if (isNull(v)) {
      return "";
    }
    if (v.isNumber()) {
      return v.asText();
    }
    return compact(v);
  }

  /** Compact JSON text. */
  static String compact(JsonNode v) {
    try {
      return MAPPER.writeValueAsString(v);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new TemplateError("cannot be written as JSON: " + e.getOriginalMessage());
    }
  }

  /** Parses JSON text, as {@code json()} does. */
  static JsonNode parseJson(String text) {
    try {
      JsonNode n = MAPPER.readTree(text);
      return n == null ? nullValue() : n;
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new TemplateError("is not JSON text: " + dev.pgreach.privatelink.arm.JsonSyntax.describe(e, text));
    }
  }

  /** Deep equality: strings compare exactly, numbers by value, object member names ignoring case. */
  static boolean same(JsonNode a, JsonNode b) {
    if (isNull(a) || isNull(b)) {
      return isNull(a) && isNull(b);
    }
    if (a.isNumber() && b.isNumber()) {
      return a.decimalValue().compareTo(b.decimalValue()) == 0;
    }
    if (a.isArray() && b.isArray()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    if (a.isObject() && b.isObject()) {
      if (a.size() != b.size()) {
        return false;
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = a.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        JsonNode other = member(b, m.getKey());
        if (other == null || !same(m.getValue(), other)) {
          return false;
        }
      }
      return true;
    }
    return a.equals(b);
  }

  /** An object's member, matched ignoring case (exact spelling first); null when absent. */
  static JsonNode member(JsonNode o, String name) {
    JsonNode exact = o.get(name);
    if (exact != null) {
      return exact;
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = o.properties().iterator(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> m = it.next();
      if (m.getKey().equalsIgnoreCase(name)) {
        return m.getValue();
      }
    }
    return null;
  }

  /** The key an object spells a member with, ignoring case; null when absent. */
  static String key(JsonNode o, String name) {
    if (o.has(name)) {
      return name;
    }
    for (Iterator<String> it = o.fieldNames(); it.hasNext(); ) {
      String k = it.next();
      if (k.equalsIgnoreCase(name)) {
        return k;
      }
    }
    return null;
  }

  static ObjectNode object() {
    return F.objectNode();
  }

  static ArrayNode array() {
    return F.arrayNode();
  }

  /**
   * Counts the JSON values a value holds, stopping past the cap.
   *
   * @return the count, or a number above {@link Limits#MAX_VALUE_NODES}
   */
  static int size(JsonNode v, int budget) {
    int n = 1;
    if (v != null && v.isContainerNode()) {
      for (JsonNode e : v) {
        n += size(e, budget - n);
        if (n > budget) {
          return n;
        }
      }
    }
    return n;
  }

  /** Refuses a value past the cap on size. */
  static JsonNode capped(JsonNode v) {
    if (v != null && v.isContainerNode() && size(v, Limits.MAX_VALUE_NODES) > Limits.MAX_VALUE_NODES) {
      throw new TemplateError("the evaluated value would hold more than " + Limits.MAX_VALUE_NODES + " JSON values, the most a template value may hold");
    }
    return v;
  }

  /** A member's path step: {@code .name}, or {@code ['odd name']}. */
  static String memberPath(String name) {
    return name.matches("[A-Za-z_$][A-Za-z0-9_$]*") ? "." + name : "['" + name.replace("'", "\\'") + "']";
  }

  /** A value as messages show it: a string or scalar as JSON, clipped; a container by its size. */
  static String show(JsonNode v) {
    if (v == null || v.isMissingNode()) {
      return "missing";
    }
    if (isUnknown(v)) {
      return "unknown";
    }
    if (v.isArray()) {
      return "an array of " + v.size();
    }
    if (v.isObject()) {
      return "an object";
    }
    String s = compact(v);
    return s.length() > 300 ? s.substring(0, 300) + "…" : s;
  }
}
