package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The small part of the ARM template expression language that exported templates use to name
 * resources and refer to each other: {@code parameters}, {@code variables}, {@code concat}, {@code
 * format}, {@code resourceId}, {@code subscription()}, {@code resourceGroup()}, {@code toLower},
 * {@code toUpper}, {@code string}, {@code true()}, {@code false()}, member access and indexing.
 * Anything else is an error that names the expression: pgreach never guesses what a template means.
 *
 * <p>Expressions are bounded: at most {@value #MAX_EXPRESSION_LENGTH} characters, nested at most
 * {@value #MAX_DEPTH} deep (calls and variables referring to variables together), and no value an
 * expression makes, nor the evaluated copy of a variable or a parameter's default value, may hold
 * more than {@value #MAX_VALUE_NODES} JSON values (counting every element and member, nested ones
 * included, and a value used twice twice). The last bound stops a short template from building a
 * huge value, as nested {@code concat} of arrays would: each level multiplies the size.
 */
final class TemplateExpressions {
  static final int MAX_EXPRESSION_LENGTH = 8_192;
  static final int MAX_DEPTH = 32;
  static final int MAX_VALUE_NODES = 10_000;

  private static final List<String> FUNCTIONS =
      List.of("parameters", "variables", "concat", "format", "resourceId", "subscription", "resourceGroup", "toLower", "toUpper", "string", "true", "false");

  private final Optional<Node> parameters;
  private final Optional<Node> variables;
  private final Map<String, JsonNode> parameterValues;
  private final String subscriptionId;
  private final String resourceGroup;
  private final Optional<String> location;
  private final Map<String, JsonNode> variableCache = new HashMap<>();
  private final Set<String> evaluating = new HashSet<>();
  private final Map<JsonNode, Integer> sizes = new IdentityHashMap<>();
  private int depth;

  TemplateExpressions(
      Optional<Node> parameters,
      Optional<Node> variables,
      Map<String, JsonNode> parameterValues,
      String subscriptionId,
      String resourceGroup,
      Optional<String> location) {
    this.parameters = parameters;
    this.variables = variables;
    this.parameterValues = new HashMap<>();
    parameterValues.forEach((k, v) -> this.parameterValues.put(k.toLowerCase(Locale.ROOT), v));
    this.subscriptionId = subscriptionId;
    this.resourceGroup = resourceGroup;
    this.location = location;
  }

  String subscriptionId() {
    return subscriptionId;
  }

  String resourceGroup() {
    return resourceGroup;
  }

  /**
   * Evaluates a value: a string in brackets is an expression, {@code [[} escapes a literal bracket,
   * everything else is itself.
   *
   * @param at the node holding the value, for errors
   * @param raw the value as written
   * @return the value
   */
  JsonNode evaluate(Node at, JsonNode raw) {
    if (raw == null || !raw.isTextual()) {
      return raw;
    }
    String t = raw.textValue();
    if (t.startsWith("[[")) {
      return TextNode.valueOf(t.substring(1));
    }
    if (!t.startsWith("[") || !t.endsWith("]") || t.length() < 2) {
      return raw;
    }
    if (t.length() > MAX_EXPRESSION_LENGTH) {
      throw at.error(ErrorCode.INVALID_INPUT, "is a template expression longer than %d characters", MAX_EXPRESSION_LENGTH);
    }
    enter(at);
    try {
      Parser p = new Parser(at, t.substring(1, t.length() - 1));
      JsonNode v = p.expression();
      p.skipBlanks();
      if (!p.atEnd()) {
        throw p.fail("unexpected text");
      }
      return capped(at, v, "the expression's value");
    } finally {
      depth--;
    }
  }

  /** Evaluates every expression inside a value (for variables and parameter defaults). */
  private JsonNode deep(Node at, JsonNode raw) {
    if (raw.isTextual()) {
      return evaluate(at, raw);
    }
    if (raw.isArray()) {
      ArrayNode out = JsonNodeFactory.instance.arrayNode();
      for (int i = 0; i < raw.size(); i++) {
        out.add(deep(at, raw.get(i)));
      }
      return capped(at, out, "the evaluated value");
    }
    if (raw.isObject()) {
      ObjectNode out = JsonNodeFactory.instance.objectNode();
      raw.properties().forEach(e -> out.set(e.getKey(), deep(at, e.getValue())));
      return capped(at, out, "the evaluated value");
    }
    return raw;
  }

  /** Returns a value, or refuses it when it holds more than {@link #MAX_VALUE_NODES} JSON values. */
  private JsonNode capped(Node at, JsonNode value, String what) {
    if (size(value) > MAX_VALUE_NODES) {
      throw at.error(
          ErrorCode.INVALID_INPUT,
          "%s would hold more than %d JSON values, the most a template value may hold",
          what,
          MAX_VALUE_NODES);
    }
    return value;
  }

  /**
   * Counts the JSON values in a value as a tree (a part used twice counts twice), stopping at one
   * past the cap; counts are remembered per node, so a value is counted once however often it is
   * used.
   */
  private int size(JsonNode value) {
    if (!value.isContainerNode() || value.size() == 0) {
      return 1;
    }
    Integer known = sizes.get(value);
    if (known != null) {
      return known;
    }
    long n = 1;
    for (JsonNode child : value) {
      n += size(child);
      if (n > MAX_VALUE_NODES) {
        break;
      }
    }
    int counted = (int) Math.min(n, MAX_VALUE_NODES + 1L);
    sizes.put(value, counted);
    return counted;
  }

  private void enter(Node at) {
    if (++depth > MAX_DEPTH) {
      throw at.error(ErrorCode.INVALID_INPUT, "template expressions nest deeper than %d", MAX_DEPTH);
    }
  }

  private JsonNode parameter(Node at, String name) {
    JsonNode given = parameterValues.get(name.toLowerCase(Locale.ROOT));
    if (given != null) {
      return given;
    }
    Optional<Node> declared = parameters.flatMap(p -> p.opt(name));
    if (declared.isEmpty()) {
      throw at.error(ErrorCode.INVALID_INPUT, "names template parameter '%s', which the template does not declare", name);
    }
    Optional<Node> value = declared.get().raw().isObject() ? declared.get().opt("defaultValue") : Optional.empty();
    if (value.isEmpty()) {
      throw at.error(
          ErrorCode.INVALID_INPUT,
          "names template parameter '%s', which has no defaultValue; give its value in the companion document's deployment.parameters",
          name);
    }
    return key("p:" + name, at, () -> deep(value.get(), value.get().raw()));
  }

  private JsonNode variable(Node at, String name) {
    Optional<Node> declared = variables.flatMap(v -> v.opt(name));
    if (declared.isEmpty()) {
      throw at.error(ErrorCode.INVALID_INPUT, "names template variable '%s', which the template does not declare", name);
    }
    return key("v:" + name, at, () -> deep(declared.get(), declared.get().raw()));
  }

  private JsonNode key(String key, Node at, java.util.function.Supplier<JsonNode> compute) {
    String k = key.toLowerCase(Locale.ROOT);
    JsonNode cached = variableCache.get(k);
    if (cached != null) {
      return cached;
    }
    if (!evaluating.add(k)) {
      throw at.error(ErrorCode.INVALID_INPUT, "refers to %s, whose value refers back to itself", key.substring(2));
    }
    try {
      JsonNode v = compute.get();
      variableCache.put(k, v);
      return v;
    } finally {
      evaluating.remove(k);
    }
  }

  /** A recursive-descent parser that evaluates as it reads. */
  private final class Parser {
    private final Node at;
    private final String text;
    private int pos;

    Parser(Node at, String text) {
      this.at = at;
      this.text = text;
    }

    boolean atEnd() {
      return pos >= text.length();
    }

    void skipBlanks() {
      while (pos < text.length() && Character.isWhitespace(text.charAt(pos))) {
        pos++;
      }
    }

    PgreachException fail(String problem) {
      return at.error(ErrorCode.INVALID_INPUT, "is not a template expression pgreach can evaluate: %s at character %d", problem, pos + 2);
    }

    JsonNode expression() {
      enter(at);
      try {
        skipBlanks();
        JsonNode v = primary();
        while (true) {
          skipBlanks();
          if (peek('.')) {
            pos++;
            String name = identifier();
            if (!v.isObject() || v.get(name) == null) {
              throw fail("the value has no member '" + name + "'" + (name.equalsIgnoreCase("location") ? " (give deployment.location in the companion document)" : ""));
            }
            v = v.get(name);
          } else if (peek('[')) {
            pos++;
            JsonNode index = expression();
            skipBlanks();
            expect(']');
            if (v.isArray() && index.canConvertToInt() && index.isIntegralNumber() && index.intValue() >= 0 && index.intValue() < v.size()) {
              v = v.get(index.intValue());
            } else if (v.isObject() && index.isTextual() && v.get(index.textValue()) != null) {
              v = v.get(index.textValue());
            } else {
              throw fail("index " + Json.show(index) + " is not in the value");
            }
          } else {
            return v;
          }
        }
      } finally {
        depth--;
      }
    }

    private JsonNode primary() {
      if (atEnd()) {
        throw fail("the expression ends too early");
      }
      char c = text.charAt(pos);
      if (c == '\'') {
        return TextNode.valueOf(string());
      }
      if (c == '-' || (c >= '0' && c <= '9')) {
        int start = pos++;
        while (pos < text.length() && Character.isDigit(text.charAt(pos)) && pos - start < 10) {
          pos++;
        }
        try {
          return JsonNodeFactory.instance.numberNode(Integer.parseInt(text.substring(start, pos)));
        } catch (NumberFormatException e) {
          throw fail("a number that is not a small integer");
        }
      }
      String name = identifier();
      skipBlanks();
      expect('(');
      List<JsonNode> args = new ArrayList<>();
      skipBlanks();
      if (!peek(')')) {
        do {
          args.add(expression());
          skipBlanks();
        } while (consume(','));
      }
      expect(')');
      return call(name, args);
    }

    private String identifier() {
      int start = pos;
      while (pos < text.length() && (Character.isLetterOrDigit(text.charAt(pos)) || text.charAt(pos) == '_')) {
        pos++;
      }
      if (start == pos) {
        throw fail("a name was expected");
      }
      return text.substring(start, pos);
    }

    private String string() {
      StringBuilder s = new StringBuilder();
      pos++;
      while (true) {
        if (atEnd()) {
          throw fail("a string is not closed");
        }
        char c = text.charAt(pos++);
        if (c == '\'') {
          if (peek('\'')) {
            s.append('\'');
            pos++;
          } else {
            return s.toString();
          }
        } else {
          s.append(c);
        }
      }
    }

    private boolean peek(char c) {
      return pos < text.length() && text.charAt(pos) == c;
    }

    private boolean consume(char c) {
      skipBlanks();
      if (peek(c)) {
        pos++;
        return true;
      }
      return false;
    }

    private void expect(char c) {
      skipBlanks();
      if (!peek(c)) {
        throw fail("'" + c + "' was expected");
      }
      pos++;
    }

    private JsonNode call(String name, List<JsonNode> args) {
      switch (name.toLowerCase(Locale.ROOT)) {
        case "parameters":
          return parameter(at, argText(name, args, 0, 1));
        case "variables":
          return variable(at, argText(name, args, 0, 1));
        case "concat":
          return concat(args);
        case "format":
          return format(args);
        case "resourceid":
          return TextNode.valueOf(resourceId(args));
        case "subscription":
          arity(name, args, 0);
          ObjectNode sub = JsonNodeFactory.instance.objectNode();
          sub.put("id", "/subscriptions/" + subscriptionId);
          sub.put("subscriptionId", subscriptionId);
          return sub;
        case "resourcegroup":
          arity(name, args, 0);
          ObjectNode group = JsonNodeFactory.instance.objectNode();
          group.put("id", "/subscriptions/" + subscriptionId + "/resourceGroups/" + resourceGroup);
          group.put("name", resourceGroup);
          location.ifPresent(l -> group.put("location", l));
          return group;
        case "tolower":
          return TextNode.valueOf(argText(name, args, 0, 1).toLowerCase(Locale.ROOT));
        case "toupper":
          return TextNode.valueOf(argText(name, args, 0, 1).toUpperCase(Locale.ROOT));
        case "string":
          arity(name, args, 1);
          return TextNode.valueOf(scalar(args.get(0)));
        case "true":
          arity(name, args, 0);
          return BooleanNode.TRUE;
        case "false":
          arity(name, args, 0);
          return BooleanNode.FALSE;
        default:
          throw fail("function '" + name + "' is not supported (supported: " + String.join(", ", FUNCTIONS) + ")");
      }
    }

    private void arity(String name, List<JsonNode> args, int n) {
      if (args.size() != n) {
        throw fail(name + "() takes " + n + " argument" + (n == 1 ? "" : "s") + ", not " + args.size());
      }
    }

    private String argText(String name, List<JsonNode> args, int index, int count) {
      arity(name, args, count);
      if (!args.get(index).isTextual()) {
        throw fail(name + "() needs a string, not " + Json.show(args.get(index)));
      }
      return args.get(index).textValue();
    }

    private String scalar(JsonNode v) {
      if (v.isTextual()) {
        return v.textValue();
      }
      if (v.isNumber() || v.isBoolean()) {
        return v.asText();
      }
      throw fail("a string, number or boolean was expected, not " + Json.show(v));
    }

    private JsonNode concat(List<JsonNode> args) {
      if (!args.isEmpty() && args.stream().allMatch(JsonNode::isArray)) {
        long values = 1;
        for (JsonNode a : args) {
          values += size(a) - 1;
          if (values > MAX_VALUE_NODES) {
            throw at.error(
                ErrorCode.INVALID_INPUT,
                "concat() of arrays would make a value of more than %d JSON values, the most a template value may hold",
                MAX_VALUE_NODES);
          }
        }
        ArrayNode out = JsonNodeFactory.instance.arrayNode();
        args.forEach(a -> out.addAll((ArrayNode) a));
        return out;
      }
      StringBuilder s = new StringBuilder();
      for (JsonNode a : args) {
        s.append(scalar(a));
        if (s.length() > MAX_EXPRESSION_LENGTH) {
          throw fail("the result is longer than " + MAX_EXPRESSION_LENGTH + " characters");
        }
      }
      return TextNode.valueOf(s.toString());
    }

    private JsonNode format(List<JsonNode> args) {
      if (args.isEmpty() || !args.get(0).isTextual()) {
        throw fail("format() needs a format string first");
      }
      String f = args.get(0).textValue();
      StringBuilder s = new StringBuilder();
      for (int i = 0; i < f.length(); i++) {
        char c = f.charAt(i);
        if (c == '{' && i + 1 < f.length() && f.charAt(i + 1) == '{') {
          s.append('{');
          i++;
        } else if (c == '}' && i + 1 < f.length() && f.charAt(i + 1) == '}') {
          s.append('}');
          i++;
        } else if (c == '{') {
          int close = f.indexOf('}', i);
          String index = close < 0 ? "" : f.substring(i + 1, close);
          if (!index.matches("[0-9]{1,2}") || Integer.parseInt(index) + 1 >= args.size()) {
            throw fail("format() placeholder {" + index + "} has no argument");
          }
          s.append(scalar(args.get(Integer.parseInt(index) + 1)));
          i = close;
        } else {
          s.append(c);
        }
        if (s.length() > MAX_EXPRESSION_LENGTH) {
          throw fail("the result is longer than " + MAX_EXPRESSION_LENGTH + " characters");
        }
      }
      return TextNode.valueOf(s.toString());
    }

    /** {@code resourceId([subscriptionId], [resourceGroupName], resourceType, name1, [name2], ...)}. */
    private String resourceId(List<JsonNode> args) {
      List<String> parts = new ArrayList<>();
      for (JsonNode a : args) {
        parts.add(scalar(a));
      }
      int type = -1;
      for (int i = 0; i < parts.size() && type < 0; i++) {
        if (parts.get(i).indexOf('/') >= 0) {
          type = i;
        }
      }
      if (type < 0 || type > 2) {
        throw fail("resourceId() needs a resource type such as Microsoft.Network/virtualNetworks");
      }
      String sub = type == 2 ? parts.get(0) : subscriptionId;
      String group = type == 0 ? resourceGroup : parts.get(type - 1);
      String[] typeSegments = parts.get(type).split("/", -1);
      List<String> names = new ArrayList<>();
      for (int i = type + 1; i < parts.size(); i++) {
        names.addAll(List.of(parts.get(i).split("/", -1)));
      }
      if (typeSegments.length < 2 || names.size() != typeSegments.length - 1) {
        throw fail("resourceId() for type " + parts.get(type) + " needs " + Math.max(1, typeSegments.length - 1) + " name segments, not " + names.size());
      }
      StringBuilder id = new StringBuilder("/subscriptions/").append(sub).append("/resourceGroups/").append(group).append("/providers/").append(typeSegments[0]);
      for (int i = 1; i < typeSegments.length; i++) {
        id.append('/').append(typeSegments[i]).append('/').append(names.get(i - 1));
      }
      return id.toString();
    }
  }
}
