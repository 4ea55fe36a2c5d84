package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.google.common.collect.ImmutableMap;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * A JSON value together with its path from the document's root, with typed accessors whose
 * errors name that path and the value. Member names match case-insensitively, as ARM's do; a JSON
 * {@code null} counts as absent. Templates are evaluated before they reach a node (package
 * {@code template}): a node holds values only.
 *
 * <p>A value a front end could not know ({@link ResourceInput#unknown(String)}) is present but
 * unknown: {@link #isUnknown()} tells, and every typed accessor throws {@link UnknownValue} for it,
 * so that the reader decides, setting by setting, what an unknown value makes unknown.
 *
 * <p>Paths are built only when asked for (an error, a note): a node keeps its parent and its
 * member name or index. A root may map member paths to what named them where the resource came
 * from ({@code properties.network.delegatedSubnetResourceId} to {@code delegated_subnet_id}), so
 * that messages about a Terraform resource name its attribute.
 */
final class Node {
  private final JsonNode raw;
  private final Node parent;
  private final String member;
  private final int index;
  private final String rootPath;
  private final ImmutableMap<String, String> origins;
  private final Ids ids;
  private String path;

  private Node(
      JsonNode raw,
      Node parent,
      String member,
      int index,
      String rootPath,
      ImmutableMap<String, String> origins,
      Ids ids) {
    this.raw = raw;
    this.parent = parent;
    this.member = member;
    this.index = index;
    this.rootPath = rootPath;
    this.origins = origins;
    this.ids = ids;
  }

  /**
   * Returns the root of a document.
   *
   * @param tree the parsed document
   * @param path the root's path, {@code $} or {@code companion $}
   * @return the node
   */
  static Node root(JsonNode tree, String path) {
    return new Node(tree, null, null, -1, path, ImmutableMap.of(), new Ids());
  }

  /**
   * Returns the root of a resource handed over by a front end, whose members came from elsewhere.
   *
   * @param tree the resource
   * @param path what names it in messages
   * @param origins member paths inside the resource ({@code properties.x.y}) mapped to what named
   *     them where the resource came from
   * @param ids the ids parsed so far in this import, which the node's ids join
   * @return the node
   */
  static Node root(JsonNode tree, String path, Map<String, String> origins, Ids ids) {
    return new Node(tree, null, null, -1, path, ImmutableMap.copyOf(origins), ids);
  }

  private Node child(JsonNode value, String name, int at) {
    return new Node(value, this, name, at, null, null, ids);
  }

  /** The path from the document's root, such as {@code $[3].properties.network}. */
  String path() {
    if (path == null) {
      path = computePath();
    }
    return path;
  }

  private String computePath() {
    Node root = this;
    List<Node> chain = new ArrayList<>();
    while (root.parent != null) {
      chain.add(root);
      root = root.parent;
    }
    StringBuilder plain = new StringBuilder(root.rootPath);
    StringBuilder dotted = new StringBuilder();
    String best = null;
    int bestAt = -1;
    for (int i = chain.size() - 1; i >= 0; i--) {
      Node n = chain.get(i);
      if (n.member != null) {
        plain.append(Json.member(n.member));
        dotted.append(dotted.length() == 0 ? "" : ".").append(n.member);
      } else {
        plain.append('[').append(n.index).append(']');
        dotted.append('[').append(n.index).append(']');
      }
      String origin = root.origins.isEmpty() ? null : root.origins.get(dotted.toString());
      if (origin != null) {
        best = origin;
        bestAt = i;
      }
    }
    if (best == null) {
      return plain.toString();
    }
    // An origin is a path of its own (the shape the input wrote), or relative to the root (a Terraform attribute).
    boolean absolute = best.startsWith("$") || best.contains(" $");
    StringBuilder out = absolute ? new StringBuilder(best) : new StringBuilder(root.rootPath).append('.').append(best);
    for (int i = bestAt - 1; i >= 0; i--) {
      Node n = chain.get(i);
      out.append(n.member != null ? "." + n.member : "[" + n.index + "]");
    }
    return out.toString();
  }

  /** The value. */
  JsonNode json() {
    return raw;
  }

  /** The value as written (the same as {@link #json()}). */
  JsonNode raw() {
    return raw;
  }

  /** Whether the value is the marker of a value the front end could not know. */
  boolean isUnknown() {
    return ResourceInput.isUnknown(json());
  }

  /** Why the value is unknown; empty for a known value. */
  Optional<String> whyUnknown() {
    return ResourceInput.whyUnknown(json());
  }

  /** Throws {@link UnknownValue} when the value is unknown; returns this node otherwise. */
  Node known() {
    if (isUnknown()) {
      throw new UnknownValue(this);
    }
    return this;
  }

  boolean isNull() {
    return json() == null || json().isNull() || json().isMissingNode();
  }

  boolean isObject() {
    return json().isObject();
  }

  boolean isArray() {
    return json().isArray();
  }

  boolean isText() {
    return json().isTextual();
  }

  // ------------------------------------------------------------------ members

  /** The member with this name, matched ignoring case; absent when missing or null. */
  Optional<Node> opt(String name) {
    JsonNode o = requireObject().json();
    JsonNode exact = o.get(name);
    String found = null;
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      String n = e.getKey();
      if (n.equalsIgnoreCase(name)) {
        if (found != null) {
          throw error(ErrorCode.INVALID_INPUT, "holds both \"%s\" and \"%s\"; member names are case-insensitive", found, n);
        }
        found = n;
      }
    }
    if (found == null) {
      return Optional.empty();
    }
    Node m = child(exact != null && found.equals(name) ? exact : o.get(found), found, -1);
    return m.isNull() ? Optional.empty() : Optional.of(m);
  }

  /** Whether the member with this name is written, even as {@code null}. */
  boolean written(String name) {
    JsonNode o = requireObject().json();
    for (Map.Entry<String, JsonNode> e : o.properties()) {
      if (e.getKey().equalsIgnoreCase(name)) {
        return true;
      }
    }
    return false;
  }

  /** The member with this name, which must be present and not null. */
  Node req(String name) {
    return opt(name).orElseThrow(() -> missing(name));
  }

  /** The object member with this name, or an empty object at its path when it is absent. */
  Node objectOrEmpty(String name) {
    return opt(name).map(Node::requireObject).orElseGet(() -> child(Json.object(), name, -1));
  }

  /** A member that would be at this path, for errors about values that are absent. */
  Node child(String name) {
    return child(MissingNode.getInstance(), name, -1);
  }

  boolean has(String name) {
    return opt(name).isPresent();
  }

  /** The members of an object, in document order. */
  List<Map.Entry<String, Node>> members() {
    JsonNode o = requireObject().json();
    List<Map.Entry<String, Node>> out = new ArrayList<>();
    o.properties().forEach(e -> out.add(Map.entry(e.getKey(), child(e.getValue(), e.getKey(), -1))));
    return out;
  }

  /** Checks that an object holds no members other than these (ignoring case). */
  Node only(String... allowed) {
    for (Map.Entry<String, Node> m : members()) {
      boolean known = false;
      for (String a : allowed) {
        known |= a.equalsIgnoreCase(m.getKey());
      }
      if (!known) {
        throw m.getValue().error(ErrorCode.INVALID_INPUT, "is not a known member here; expected one of %s", String.join(", ", allowed));
      }
    }
    return this;
  }

  /** The elements of an array. */
  List<Node> elements() {
    JsonNode a = known().json();
    if (!a.isArray()) {
      throw error(ErrorCode.INVALID_INPUT, "must be an array");
    }
    List<Node> out = new ArrayList<>(a.size());
    for (int i = 0; i < a.size(); i++) {
      out.add(child(a.get(i), null, i));
    }
    return out;
  }

  /** The elements of the array member with this name, or none when it is absent. */
  List<Node> list(String name) {
    return opt(name).map(Node::elements).orElse(List.of());
  }

  Node requireObject() {
    if (!known().json().isObject()) {
      throw error(ErrorCode.INVALID_INPUT, "must be an object");
    }
    return this;
  }

  // ------------------------------------------------------------------ scalars

  /** The value as a string. Numbers and booleans are not strings. */
  String text() {
    if (!known().json().isTextual()) {
      throw error(ErrorCode.INVALID_INPUT, "must be a string");
    }
    return json().textValue();
  }

  /** The value as a non-blank string. */
  String nonBlank() {
    String t = text();
    if (t.isBlank()) {
      throw error(ErrorCode.INVALID_INPUT, "must not be blank");
    }
    return t;
  }

  /** A string member, absent when missing, null or the empty string (as ARM writes unset ids). */
  Optional<String> optText(String name) {
    return opt(name).map(Node::text).filter(t -> !t.isEmpty());
  }

  /** The value as a boolean; the strings {@code true} and {@code false} are accepted too. */
  boolean bool() {
    JsonNode v = known().json();
    if (v.isBoolean()) {
      return v.booleanValue();
    }
    if (v.isTextual() && (v.textValue().equalsIgnoreCase("true") || v.textValue().equalsIgnoreCase("false"))) {
      return Boolean.parseBoolean(v.textValue().toLowerCase(Locale.ROOT));
    }
    throw error(ErrorCode.INVALID_INPUT, "must be true or false");
  }

  Optional<Boolean> optBool(String name) {
    return opt(name).map(Node::bool);
  }

  /** The value as a whole number from {@code min} to {@code max}; strings of digits are accepted too. */
  long integer(long min, long max) {
    JsonNode v = known().json();
    long n;
    if (v.isIntegralNumber() && v.canConvertToLong()) {
      n = v.longValue();
    } else if (v.isTextual() && v.textValue().matches("-?[0-9]{1,18}")) {
      n = Long.parseLong(v.textValue());
    } else {
      throw error(ErrorCode.INVALID_INPUT, "must be a whole number from %d to %d", min, max);
    }
    if (n < min || n > max) {
      throw error(ErrorCode.INVALID_INPUT, "must be a whole number from %d to %d", min, max);
    }
    return n;
  }

  /** The value as an IPv4 address. */
  Ipv4Address address() {
    String t = text();
    return parse(() -> Ipv4Address.parse(t));
  }

  /** The value as an ARM resource id. */
  ResourceId resourceId() {
    String t = text();
    return parse(() -> ids.parse(t));
  }

  /** The value as a resource id of the given type. */
  ResourceId resourceId(String type) {
    ResourceId id = resourceId();
    return parse(() -> id.requireType(type, "the id"));
  }

  /** The value as an instant in ISO-8601 form, such as {@code 2026-11-24T12:00:00Z}. */
  Instant instant() {
    String t = text();
    try {
      return Instant.parse(t);
    } catch (DateTimeParseException e) {
      throw error(ErrorCode.INVALID_INPUT, "must be an instant such as 2026-11-24T12:00:00Z");
    }
  }

  /** The value as one of an enum's constants, matched against the given ARM spellings ignoring case. */
  <E extends Enum<E>> E choice(Class<E> type, Function<E, String> spelling) {
    String t = text();
    StringBuilder known = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      if (spelling.apply(e).equalsIgnoreCase(t)) {
        return e;
      }
      known.append(known.length() == 0 ? "" : ", ").append(spelling.apply(e));
    }
    throw error(ErrorCode.INVALID_INPUT, "must be one of %s", known);
  }

  /**
   * Runs a model parse or build and names this node in any error it throws.
   *
   * @param build the parse or build
   * @return its result
   * @throws PgreachException with the model's code, naming this path and value
   */
  <T> T parse(Supplier<T> build) {
    try {
      return build.get();
    } catch (PgreachException e) {
      throw wrap(e);
    }
  }

  /** The model's exception, re-thrown with this path and value in front of its message. */
  PgreachException wrap(PgreachException e) {
    PgreachException x = PgreachException.of(e.code(), "%s (%s): %s", path(), shown(), Json.message(e.getMessage()));
    x.initCause(e);
    return x;
  }

  /** An error about this node. */
  PgreachException error(ErrorCode code, String format, Object... args) {
    return PgreachException.of(code, "%s (%s): %s", path(), shown(), String.format(Locale.ROOT, format, args));
  }

  /** A required member that is absent ("is required but missing") or written as null ("is null"). */
  private PgreachException missing(String name) {
    if (written(name)) {
      return PgreachException.of(ErrorCode.INVALID_INPUT, "%s%s (null): is null; a value is required", path(), Json.member(name));
    }
    return PgreachException.of(ErrorCode.INVALID_INPUT, "%s%s is required but missing", path(), Json.member(name));
  }

  private String shown() {
    if (ResourceInput.isUnknown(raw)) {
      return "unknown";
    }
    return Json.show(raw);
  }

  @Override
  public String toString() {
    return path();
  }

  /**
   * Thrown by a typed accessor reading a value the front end could not know. The reader catches it
   * where the model can represent the unknown (a server setting, an inventory, a resource outside
   * the input); it never escapes the reader.
   */
  static final class UnknownValue extends RuntimeException {
    private static final long serialVersionUID = 1L;

    private final transient Node node;

    UnknownValue(Node node) {
      super(node.path() + " is not known: " + node.whyUnknown().orElse("a value known only at deployment"), null, false, false);
      this.node = node;
    }

    /** The node whose value is unknown. */
    Node node() {
      return node;
    }

    /** Where the value is, and why it is not known. */
    String sentence() {
      return getMessage();
    }
  }
}
