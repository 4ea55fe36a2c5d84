package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.List;
import java.util.Optional;

/**
 * One resource instance of a Terraform document, on one side of a plan (or in a state): its
 * address as the document writes it, its type, the module it belongs to, its attribute values and
 * which of them are known only after apply ({@code after_unknown}) or sensitive.
 *
 * <p>{@link #value} is the only way to an attribute: a value known only after apply, or marked
 * sensitive, comes back as {@link ResourceInput#unknown(String) the unknown marker}, so that a
 * sensitive value can never reach a message or a note.
 *
 * @param address the instance's address, such as {@code module.db.azurerm_subnet.db[0]}
 * @param moduleAddress the module instance's address, empty for the root module
 * @param mode {@code managed} or {@code data}
 * @param type the resource type, such as {@code azurerm_subnet}
 * @param name the resource's name in the configuration
 * @param values the attribute values
 * @param unknown the {@code after_unknown} marks ({@code true} where a value is known only after
 *     apply), or a missing node
 * @param sensitive the sensitive marks ({@code true} where a value is sensitive), or a missing node
 * @param path where the instance is in the document, such as {@code $.resource_changes[3]}
 */
record Instance(
    String address, String moduleAddress, String mode, String type, String name, ObjectNode values, JsonNode unknown, JsonNode sensitive, String path) {

  /** Whether the instance is a managed resource (not a data source). */
  boolean managed() {
    return !"data".equals(mode);
  }

  /** The address of the resource in its module, without instance keys: {@code azurerm_subnet.db}. */
  String configAddress() {
    return (managed() ? "" : "data.") + type + "." + name;
  }

  /** The instance key as the address writes it ({@code [0]}, {@code ["a"]}), or null for none. */
  static String key(Instance i) {
    String prefix = (i.moduleAddress().isEmpty() ? "" : i.moduleAddress() + ".") + i.configAddress();
    if (!i.address().startsWith(prefix) || i.address().length() == prefix.length()) {
      return null;
    }
    return i.address().substring(prefix.length());
  }

  /**
   * The value at a path of attribute names and list indexes: the value when known; {@link
   * ResourceInput#unknown(String) unknown} when known only after apply or sensitive; a missing node
   * when absent or null.
   *
   * @param path attribute names ({@code String}) and list indexes ({@code Integer})
   * @return the value
   */
  JsonNode value(Object... path) {
    return value(List.of(path));
  }

  /** As {@link #value(Object...)}, with the path as a list. */
  JsonNode value(List<Object> path) {
    String shown = TerraformDocument.attributePath(path);
    if (marked(sensitive, path)) {
      return ResourceInput.unknown(address + "." + shown + " is sensitive; pgreach does not read sensitive values");
    }
    JsonNode v = values;
    JsonNode u = unknown;
    for (Object step : path) {
      if (u.isBoolean() && u.booleanValue()) {
        return ResourceInput.unknown(address + "." + shown + " is known only after apply");
      }
      v = step instanceof Integer i ? v.path(i) : v.path((String) step);
      u = step instanceof Integer i ? u.path(i) : u.path((String) step);
    }
    if (u.isBoolean() && u.booleanValue()) {
      return ResourceInput.unknown(address + "." + shown + " is known only after apply");
    }
    if (v.isNull() || v.isMissingNode()) {
      return MissingNode.getInstance();
    }
    return v;
  }

  /**
   * As {@link #value(Object...)}, but an attribute the document leaves out (no member at all, as
   * a hand-written document or an older provider's may) is unknown, not absent: Terraform writes
   * every attribute of a resource's schema, {@code null} when unset.
   *
   * @param path attribute names and list indexes
   * @return the value
   */
  JsonNode shown(Object... path) {
    JsonNode v = value(path);
    if (!v.isMissingNode()) {
      return v;
    }
    JsonNode parent = values;
    for (int k = 0; k < path.length - 1; k++) {
      parent = path[k] instanceof Integer i ? parent.path(i) : parent.path((String) path[k]);
    }
    Object last = path[path.length - 1];
    boolean absent = last instanceof String n ? parent.isObject() && !parent.has(n) : false;
    return absent ? ResourceInput.unknown(address + "." + TerraformDocument.attributePath(List.of(path)) + " is not in the document") : v;
  }

  /** Whether the value at a path is known only after apply (or sensitive). */
  boolean isUnknown(Object... path) {
    return ResourceInput.isUnknown(value(path));
  }

  /** Whether a value is known and present at a path. */
  boolean isKnown(Object... path) {
    JsonNode v = value(path);
    return !v.isMissingNode() && !ResourceInput.isUnknown(v);
  }

  /** The known text at a path, or empty (absent, null, unknown, sensitive, or not text). */
  Optional<String> text(Object... path) {
    JsonNode v = value(path);
    return v.isTextual() ? Optional.of(v.textValue()) : Optional.empty();
  }

  /** How many elements the list at a path has, when it is a known list; 0 otherwise. */
  int size(Object... path) {
    JsonNode v = value(path);
    return v.isArray() ? v.size() : 0;
  }

  private static boolean marked(JsonNode marks, List<Object> path) {
    JsonNode m = marks;
    for (Object step : path) {
      if (m.equals(BooleanNode.TRUE)) {
        return true;
      }
      m = step instanceof Integer i ? m.path(i) : m.path((String) step);
    }
    return m.equals(BooleanNode.TRUE);
  }
}
