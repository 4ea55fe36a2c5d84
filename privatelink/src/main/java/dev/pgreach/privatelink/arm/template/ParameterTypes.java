package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Whether a value given for a parameter is one Azure accepts for its declaration: the declared
 * {@code type}, {@code allowedValues}, {@code minLength}/{@code maxLength}, {@code
 * minValue}/{@code maxValue}, and the type definitions of language version 2.0 ({@code $ref} to
 * {@code definitions}, {@code nullable}, object {@code properties} and {@code
 * additionalProperties}, array {@code items} and {@code prefixItems}). Azure refuses a deployment
 * given a value that does not fit, during validation; the template reader then reads the
 * parameter as unknown and reports the refusal.
 *
 * <p>Unknown values (known only at deployment) fit anything: what cannot be known is not refused.
 * A {@code discriminator} (tagged union) is not checked.
 */
final class ParameterTypes {
  private ParameterTypes() {}

  /**
   * Why a value does not fit a declaration.
   *
   * @param declaration the parameter's (or a type's) declaration
   * @param value the value given, not null
   * @param definitions the template's {@code definitions}, or null
   * @return what does not fit, naming the member at fault inside the value; empty when it fits
   */
  static Optional<String> misfit(JsonNode declaration, JsonNode value, JsonNode definitions) {
    return misfit(declaration, value, definitions, "", 0);
  }

  private static Optional<String> misfit(JsonNode decl, JsonNode v, JsonNode defs, String at, int depth) {
    if (decl == null || !decl.isObject() || Values.isUnknown(v) || depth > Limits.MAX_DEPTH) {
      return Optional.empty();
    }
    if (Values.isNull(v)) {
      return nullable(decl, defs, depth) ? Optional.empty() : Optional.of(where(at) + "is null, and the type is not nullable");
    }
    JsonNode ref = Values.member(decl, "$ref");
    if (ref != null && ref.isTextual()) {
      JsonNode target = definition(ref.textValue(), defs);
      if (target != null) {
        Optional<String> m = misfit(target, v, defs, at, depth + 1);
        if (m.isPresent()) {
          return m;
        }
      }
    }
    JsonNode typeNode = Values.member(decl, "type");
    String type = typeNode != null && typeNode.isTextual() ? typeNode.textValue().toLowerCase(Locale.ROOT) : "";
    if (!fits(type, v)) {
      return Optional.of(where(at) + "is of type " + Values.typeName(v) + ", not " + typeNode.textValue());
    }
    JsonNode allowed = Values.member(decl, "allowedValues");
    if (allowed != null && allowed.isArray()) {
      if (v.isArray()) {
        for (int i = 0; i < v.size(); i++) {
          if (!Values.isUnknown(v.get(i)) && !contains(allowed, v.get(i))) {
            return Optional.of(where(at + "[" + i + "]") + "(" + Values.show(v.get(i)) + ") is not one of the allowed values " + allowed);
          }
        }
      } else if (!contains(allowed, v)) {
        return Optional.of(where(at) + "is not one of the allowed values " + allowed);
      }
    }
    Optional<String> bounds = bounds(decl, v, at);
    if (bounds.isPresent()) {
      return bounds;
    }
    if (v.isObject()) {
      return object(decl, v, defs, at, depth);
    }
    if (v.isArray()) {
      return array(decl, v, defs, at, depth);
    }
    return Optional.empty();
  }

  private static Optional<String> bounds(JsonNode decl, JsonNode v, String at) {
    int length = v.isTextual() ? v.textValue().codePointCount(0, v.textValue().length()) : v.isArray() ? v.size() : -1;
    JsonNode minLength = Values.member(decl, "minLength");
    JsonNode maxLength = Values.member(decl, "maxLength");
    if (length >= 0 && minLength != null && minLength.isIntegralNumber() && length < minLength.longValue()) {
      return Optional.of(where(at) + "has length " + length + ", less than the minLength " + minLength.longValue());
    }
    if (length >= 0 && maxLength != null && maxLength.isIntegralNumber() && length > maxLength.longValue()) {
      return Optional.of(where(at) + "has length " + length + ", more than the maxLength " + maxLength.longValue());
    }
    JsonNode minValue = Values.member(decl, "minValue");
    JsonNode maxValue = Values.member(decl, "maxValue");
    if (v.isIntegralNumber() && minValue != null && minValue.isIntegralNumber() && v.bigIntegerValue().compareTo(minValue.bigIntegerValue()) < 0) {
      return Optional.of(where(at) + "is less than the minValue " + minValue.bigIntegerValue());
    }
    if (v.isIntegralNumber() && maxValue != null && maxValue.isIntegralNumber() && v.bigIntegerValue().compareTo(maxValue.bigIntegerValue()) > 0) {
      return Optional.of(where(at) + "is more than the maxValue " + maxValue.bigIntegerValue());
    }
    return Optional.empty();
  }

  private static Optional<String> object(JsonNode decl, JsonNode v, JsonNode defs, String at, int depth) {
    JsonNode properties = Values.member(decl, "properties");
    JsonNode additional = Values.member(decl, "additionalProperties");
    if (properties != null && properties.isObject()) {
      for (Iterator<Map.Entry<String, JsonNode>> it = properties.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> p = it.next();
        String key = Values.key(v, p.getKey());
        String member = at + Values.memberPath(p.getKey());
        if (key == null) {
          if (!nullable(p.getValue(), defs, depth)) {
            return Optional.of(where(at) + "lacks the required property " + p.getKey());
          }
          continue;
        }
        Optional<String> m = misfit(p.getValue(), v.get(key), defs, member, depth + 1);
        if (m.isPresent()) {
          return m;
        }
      }
    }
    if (additional != null && (additional.isObject() || additional.isBoolean())) {
      for (Iterator<Map.Entry<String, JsonNode>> it = v.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        if (properties != null && properties.isObject() && Values.key(properties, m.getKey()) != null) {
          continue;
        }
        if (additional.isBoolean() && !additional.booleanValue()) {
          return Optional.of(where(at) + "has the property " + m.getKey() + ", which the type does not declare");
        }
        if (additional.isObject()) {
          Optional<String> bad = misfit(additional, m.getValue(), defs, at + Values.memberPath(m.getKey()), depth + 1);
          if (bad.isPresent()) {
            return bad;
          }
        }
      }
    }
    return Optional.empty();
  }

  private static Optional<String> array(JsonNode decl, JsonNode v, JsonNode defs, String at, int depth) {
    JsonNode prefix = Values.member(decl, "prefixItems");
    JsonNode items = Values.member(decl, "items");
    int fixed = prefix != null && prefix.isArray() ? prefix.size() : 0;
    for (int i = 0; i < v.size(); i++) {
      JsonNode type = i < fixed ? prefix.get(i) : items;
      if (i >= fixed && items != null && items.isBoolean() && !items.booleanValue()) {
        return Optional.of(where(at) + "has " + v.size() + " elements, and the type allows " + fixed);
      }
      Optional<String> m = misfit(type, v.get(i), defs, at + "[" + i + "]", depth + 1);
      if (m.isPresent()) {
        return m;
      }
    }
    if (v.size() < fixed) {
      return Optional.of(where(at) + "has " + v.size() + " elements, and the type needs " + fixed);
    }
    return Optional.empty();
  }

  /**
   * Whether a declaration accepts null: nullable itself or through the definition its {@code $ref}
   * names.
   *
   * @param declaration a parameter's or a type's declaration, an object
   * @param definitions the template's {@code definitions}, or null
   * @return whether null is a value of it
   */
  static boolean nullable(JsonNode declaration, JsonNode definitions) {
    return declaration.isObject() && declared(declaration, definitions, 0);
  }

  /** Whether a declaration, or one its {@code $ref} names, says {@code nullable: true}. */
  private static boolean declared(JsonNode decl, JsonNode defs, int depth) {
    if (decl == null || !decl.isObject() || depth > Limits.MAX_DEPTH) {
      return false;
    }
    JsonNode n = Values.member(decl, "nullable");
    if (n != null && n.isBoolean() && n.booleanValue()) {
      return true;
    }
    JsonNode ref = Values.member(decl, "$ref");
    JsonNode target = ref != null && ref.isTextual() ? definition(ref.textValue(), defs) : null;
    return target != null && declared(target, defs, depth + 1);
  }

  /** Whether a declaration accepts null: nullable itself or through its {@code $ref}; a declaration that is not an object says nothing, so accepts it. */
  private static boolean nullable(JsonNode decl, JsonNode defs, int depth) {
    if (decl == null || !decl.isObject() || depth > Limits.MAX_DEPTH) {
      return true;
    }
    JsonNode n = Values.member(decl, "nullable");
    if (n != null && n.isBoolean() && n.booleanValue()) {
      return true;
    }
    JsonNode ref = Values.member(decl, "$ref");
    JsonNode target = ref != null && ref.isTextual() ? definition(ref.textValue(), defs) : null;
    return target != null && nullable(target, defs, depth + 1);
  }

  /** The definition a {@code $ref} of the form {@code #/definitions/name} names, or null. */
  private static JsonNode definition(String ref, JsonNode defs) {
    String prefix = "#/definitions/";
    if (defs == null || !defs.isObject() || !ref.startsWith(prefix)) {
      return null;
    }
    String key = Values.key(defs, ref.substring(prefix.length()));
    return key == null ? null : defs.get(key);
  }

  /** Whether a value is of a declared type; any value fits an absent or unfamiliar type. */
  static boolean fits(String type, JsonNode v) {
    switch (type) {
      case "string":
      case "securestring":
        return v.isTextual();
      case "int":
        return v.isIntegralNumber();
      case "bool":
        return v.isBoolean();
      case "array":
        return v.isArray();
      case "object":
      case "secureobject":
        return v.isObject();
      default:
        return true;
    }
  }

  /** Allowed values match exactly (strings with their case): the stricter reading, so that nothing Azure may refuse is taken. */
  private static boolean contains(JsonNode allowed, JsonNode v) {
    for (JsonNode a : allowed) {
      if (a.equals(v) || a.isNumber() && v.isNumber() && a.decimalValue().compareTo(v.decimalValue()) == 0) {
        return true;
      }
    }
    return false;
  }

  private static String where(String at) {
    return at.isEmpty() ? "" : "at " + at + " ";
  }
}
