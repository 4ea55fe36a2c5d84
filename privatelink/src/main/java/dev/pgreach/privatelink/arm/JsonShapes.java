package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/**
 * The shape of JSON values, for writing repeated values as loops: two values have the same shape
 * when their objects have the same members in the same order and their arrays the same lengths,
 * down to the leaves (scalars, empty arrays and empty objects). A leaf is named by its path, a
 * list of member names and array indexes.
 */
final class JsonShapes {
  private JsonShapes() {}

  private static boolean isContainer(JsonNode n) {
    return (n.isObject() || n.isArray()) && !n.isEmpty();
  }

  /** Whether two values have the same shape. */
  static boolean same(JsonNode a, JsonNode b) {
    if (!isContainer(a) || !isContainer(b)) {
      return !isContainer(a) && !isContainer(b);
    }
    if (a.isObject() != b.isObject() || a.size() != b.size()) {
      return false;
    }
    if (a.isArray()) {
      for (int i = 0; i < a.size(); i++) {
        if (!same(a.get(i), b.get(i))) {
          return false;
        }
      }
      return true;
    }
    Iterator<String> x = a.fieldNames();
    Iterator<String> y = b.fieldNames();
    while (x.hasNext()) {
      String n = x.next();
      if (!n.equals(y.next()) || !same(a.get(n), b.get(n))) {
        return false;
      }
    }
    return true;
  }

  /** The paths of a value's leaves, in document order. */
  static List<List<Object>> leaves(JsonNode n) {
    List<List<Object>> out = new ArrayList<>();
    leaves(n, new ArrayList<>(), out);
    return out;
  }

  private static void leaves(JsonNode n, List<Object> at, List<List<Object>> out) {
    if (!isContainer(n)) {
      out.add(List.copyOf(at));
    } else if (n.isArray()) {
      for (int i = 0; i < n.size(); i++) {
        at.add(i);
        leaves(n.get(i), at, out);
        at.remove(at.size() - 1);
      }
    } else {
      for (Iterator<String> it = n.fieldNames(); it.hasNext(); ) {
        String m = it.next();
        at.add(m);
        leaves(n.get(m), at, out);
        at.remove(at.size() - 1);
      }
    }
  }

  /** The value at a path. */
  static JsonNode get(JsonNode n, List<Object> path) {
    JsonNode at = n;
    for (Object p : path) {
      at = p instanceof Integer i ? at.get(i) : at.get((String) p);
    }
    return at;
  }

  /** Puts a value at a path of a value of the same shape; returns the value (the new one for an empty path). */
  static JsonNode set(JsonNode n, List<Object> path, JsonNode value) {
    if (path.isEmpty()) {
      return value;
    }
    JsonNode parent = get(n, path.subList(0, path.size() - 1));
    Object last = path.get(path.size() - 1);
    if (last instanceof Integer i) {
      ((ArrayNode) parent).set(i, value);
    } else {
      ((ObjectNode) parent).set((String) last, value);
    }
    return n;
  }

  /**
   * A member name for a leaf, not among those used (ignoring case): its last member name, else
   * its whole path ({@code aRecords1Ipv4Address}), else with a number; the name is then used.
   */
  static String key(List<Object> path, Set<String> used) {
    String last = path.isEmpty() || !(path.get(path.size() - 1) instanceof String s) ? "" : TemplateNames.camel(s);
    if (last.equals("id") && path.size() >= 2 && path.get(path.size() - 2) instanceof String owner) {
      last = TemplateNames.camel(owner + "-id"); // subnet.id is subnetId
    }
    String whole = TemplateNames.camel(String.join("-", path.stream().filter(p -> !"properties".equals(p)).map(String::valueOf).toList()));
    String k = !last.isEmpty() && !used.contains(last) ? last : whole.isEmpty() ? "value" : whole;
    String n = k;
    for (int i = 2; used.contains(n); i++) {
      n = k + i;
    }
    used.add(n);
    return n;
  }

  /** Gives every string a value holds to a consumer. */
  static void texts(JsonNode n, Consumer<String> to) {
    if (n == null) {
      return;
    }
    if (n.isTextual()) {
      to.accept(n.textValue());
    } else {
      n.forEach(e -> texts(e, to));
    }
  }
}
