package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;

/**
 * Evaluates template expressions and the JSON values that hold them: a string in brackets is an
 * expression ({@code [[} escapes a literal bracket), a {@code copy} array in an object makes
 * members from loops, everything else is itself.
 *
 * <p>Values known only at deployment are {@link Values#unknown unknown}; member access and
 * indexing on an unknown value are unknown. A value that {@code reference()} makes of a nested
 * deployment is <em>open</em>: it holds the outputs, and any other member is unknown rather than an
 * error.
 */
final class Evaluator {
  private final Set<JsonNode> open = Collections.newSetFromMap(new IdentityHashMap<>());
  private final Map<String, Expression> parsed = new ConcurrentHashMap<>();
  private int depth;

  /** Marks a value as open: a member it does not hold is unknown. */
  JsonNode open(JsonNode v) {
    open.add(v);
    return v;
  }

  /**
   * Evaluates a JSON value: its expressions, and its {@code copy} arrays of property loops.
   *
   * @param raw the value as written
   * @param scope where it is
   * @return the value
   * @throws TemplateError for what cannot be evaluated; its path is the caller's to add
   */
  JsonNode value(JsonNode raw, Scope scope, String path) {
    if (raw == null) {
      return null;
    }
    if (raw.isTextual()) {
      try {
        return string(raw.textValue(), scope);
      } catch (TemplateError.Located l) {
        throw l;
      } catch (TemplateError t) {
        throw located(path, raw, t);
      }
    }
    if (raw.isArray()) {
      ArrayNode out = Values.array();
      for (int i = 0; i < raw.size(); i++) {
        out.add(value(raw.get(i), scope, path + "[" + i + "]"));
      }
      return capped(out, path, raw);
    }
    if (raw.isObject()) {
      ObjectNode out = Values.object();
      String copyKey = Values.key(raw, "copy");
      JsonNode copy = copyKey == null ? null : raw.get(copyKey);
      boolean loops = copy != null && copy.isArray() && isPropertyLoop(copy);
      if (loops) {
        propertyLoops(copy, scope, out, path + Values.memberPath(copyKey));
      }
      for (Iterator<Map.Entry<String, JsonNode>> it = raw.properties().iterator(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> m = it.next();
        if (loops && m.getValue() == copy) {
          continue;
        }
        out.set(m.getKey(), value(m.getValue(), scope, path + Values.memberPath(m.getKey())));
      }
      return capped(out, path, raw);
    }
    return raw;
  }

  private static JsonNode capped(JsonNode v, String path, JsonNode raw) {
    try {
      return Values.capped(v);
    } catch (TemplateError t) {
      throw located(path, raw, t);
    }
  }

  /** The problem at a path, in the library's form: {@code path (value as written): what is wrong}. */
  static TemplateError.Located located(String path, JsonNode raw, TemplateError t) {
    if (t instanceof TemplateError.Located l) {
      return l;
    }
    return new TemplateError.Located(PgreachException.of(ErrorCode.INVALID_INPUT, "%s (%s): %s", path, Values.show(raw), t.getMessage()), t.fatal());
  }

  /** Whether a {@code copy} member is an array of property loops ({@code name}, {@code count}, {@code input}). */
  static boolean isPropertyLoop(JsonNode copy) {
    if (copy.size() == 0) {
      return false;
    }
    for (JsonNode l : copy) {
      if (!l.isObject() || Values.member(l, "name") == null || Values.member(l, "input") == null) {
        return false;
      }
    }
    return true;
  }

  /** Expands property loops: each makes an array member of {@code count} evaluations of its {@code input}. */
  private void propertyLoops(JsonNode copy, Scope scope, ObjectNode out, String path) {
    for (int k = 0; k < copy.size(); k++) {
      JsonNode loop = copy.get(k);
      String at = path + "[" + k + "]";
      JsonNode name = value(Values.member(loop, "name"), scope, at + ".name");
      if (!name.isTextual()) {
        throw located(at + ".name", loop, new TemplateError("a property loop's name must be a string, not " + Values.typeName(name)));
      }
      JsonNode rawCount = Values.member(loop, "count");
      JsonNode count = value(rawCount, scope, at + ".count");
      if (Values.holdsUnknown(count)) {
        out.set(name.textValue(), Values.unknown("the number of elements of " + name.textValue() + " is known only at deployment"));
        continue;
      }
      int n;
      try {
        n = copyCount(count);
      } catch (TemplateError t) {
        throw located(at + ".count", rawCount == null ? Values.nullValue() : rawCount, t);
      }
      ArrayNode elements = Values.array();
      for (int i = 0; i < n; i++) {
        elements.add(value(Values.member(loop, "input"), scope.inCopy(name.textValue(), i), at + ".input"));
      }
      out.set(name.textValue(), capped(elements, at, loop));
    }
  }

  /** A copy loop's count: an integer from 0 to Azure's limit. */
  static int copyCount(JsonNode count) {
    if (count == null || !count.isIntegralNumber()) {
      throw new TemplateError("a copy loop's count must be an integer, not " + Values.typeName(count));
    }
    long n = count.longValue();
    if (n < 0 || n > Limits.MAX_COPY_COUNT) {
      throw new TemplateError("a copy loop's count must be 0 to " + Limits.MAX_COPY_COUNT + ", not " + n);
    }
    return (int) n;
  }

  /** Evaluates a string: an expression in brackets, an escaped bracket, or itself. */
  JsonNode string(String t, Scope scope) {
    if (t.length() < 2 || t.charAt(0) != '[' || t.charAt(t.length() - 1) != ']') {
      return TextNode.valueOf(t);
    }
    if (t.charAt(1) == '[') {
      return TextNode.valueOf(t.substring(1));
    }
    if (t.length() > Limits.MAX_EXPRESSION_LENGTH) {
      throw new TemplateError("is a template expression longer than " + Limits.MAX_EXPRESSION_LENGTH + " characters");
    }
    Expression e = parsed.get(t);
    if (e == null) {
      e = ExpressionParser.parse(t.substring(1, t.length() - 1));
      parsed.put(t, e);
    }
    return Values.capped(evaluate(e, scope));
  }

  /**
   * Evaluates an expression.
   *
   * @param e the expression
   * @param scope where it is
   * @return its value
   */
  JsonNode evaluate(Expression e, Scope scope) {
    if (e instanceof Expression.Literal l) {
      return l.value();
    }
    if (++depth > Limits.MAX_DEPTH * 4) {
      depth--;
      throw new TemplateError("template expressions nest deeper than " + Limits.MAX_DEPTH + " (calls and variables referring to variables together)");
    }
    try {
      if (e instanceof Expression.Call c) {
        return call(c, scope);
      }
      if (e instanceof Expression.Member m) {
        return member(evaluate(m.target(), scope), m.member());
      }
      Expression.Index x = (Expression.Index) e;
      JsonNode target = evaluate(x.target(), scope);
      JsonNode index = evaluate(x.index(), scope);
      if (Values.isUnknown(target)) {
        return target;
      }
      if (Values.isUnknown(index)) {
        return index;
      }
      if (target.isArray()) {
        if (!index.isIntegralNumber()) {
          throw new TemplateError("an array is indexed by an integer, not " + Values.typeName(index));
        }
        long i = index.longValue();
        if (i < 0 || i >= target.size()) {
          throw new TemplateError("index " + i + " is outside the array of " + target.size());
        }
        return target.get((int) i);
      }
      if (target.isObject() && index.isTextual()) {
        return member(target, index.textValue());
      }
      throw new TemplateError("cannot index " + Values.typeName(target) + " with " + Values.typeName(index));
    } finally {
      depth--;
    }
  }

  /** {@code target.member}: unknown for an unknown target, and for a member an open value does not hold. */
  JsonNode member(JsonNode target, String name) {
    if (Values.isUnknown(target)) {
      return target;
    }
    if (target.isObject()) {
      JsonNode v = Values.member(target, name);
      if (v != null) {
        return v;
      }
      if (open.contains(target)) {
        return Values.unknown("member " + name + " of a deployed resource is known only at deployment");
      }
      List<String> names = new ArrayList<>();
      target.fieldNames().forEachRemaining(names::add);
      throw new TemplateError("has no member '" + name + "'" + (names.isEmpty() ? "" : " (its members are " + String.join(", ", names.subList(0, Math.min(names.size(), 12))) + ")"));
    }
    throw new TemplateError("cannot read member '" + name + "' of " + Values.typeName(target));
  }

  private JsonNode call(Expression.Call c, Scope scope) {
    if (!c.namespace().isEmpty()) {
      return scope.template().callFunction(this, c, scope);
    }
    Functions.Function f = Functions.find(c.name());
    if (f == null) {
      if (c.name().regionMatches(true, 0, "list", 0, 4)) {
        Functions.arguments(this, c, scope, 0, Integer.MAX_VALUE);
        return Values.unknown(c.name() + "() reads a deployed resource's keys or settings, known only at deployment");
      }
      throw new TemplateError("function '" + c.name() + "' is not supported");
    }
    try {
      return f.apply(this, c, scope);
    } catch (ArithmeticException x) {
      throw new TemplateError("function '" + c.name() + "' overflows 64-bit integers");
    }
  }
}
