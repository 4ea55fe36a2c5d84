package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ResourceId;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One Azure resource in canonical ARM form being made from a Terraform instance, with where each
 * member came from ({@code properties.network.delegatedSubnetResourceId} from {@code
 * delegated_subnet_id}), so that messages about it name the Terraform attribute.
 */
final class Form {
  final ObjectNode resource = JsonNodeFactory.instance.objectNode();
  final Map<String, String> origins = new LinkedHashMap<>();
  final String path;
  /** Whether the resource is known to exist but its content is not: it is outside the input. */
  boolean outside;

  /**
   * Starts a resource.
   *
   * @param id its id
   * @param type its Azure type
   * @param path what names it in messages (the Terraform address)
   */
  Form(ResourceId id, String type, String path) {
    this.path = path;
    resource.put("id", id.toString());
    resource.put("name", id.name());
    resource.put("type", type);
    origins.put("id", "id");
  }

  /**
   * Sets a member unless the value is absent.
   *
   * @param canonical the member's path in ARM form, dot-separated ({@code properties.network.publicNetworkAccess})
   * @param value the value, or a missing node
   * @param origin the Terraform attribute it came from, or null
   * @return this form
   */
  Form set(String canonical, JsonNode value, String origin) {
    if (value == null || value.isMissingNode() || value.isNull()) {
      return this;
    }
    ObjectNode at = resource;
    String[] parts = canonical.split("\\.");
    for (int i = 0; i < parts.length - 1; i++) {
      at = at.has(parts[i]) && at.get(parts[i]).isObject() ? (ObjectNode) at.get(parts[i]) : at.putObject(parts[i]);
    }
    at.set(parts[parts.length - 1], value);
    if (origin != null) {
      origins.put(canonical, origin);
    }
    return this;
  }

  /** Sets an {@code {"id": …}} member unless the id is absent. */
  Form setId(String canonical, JsonNode id, String origin) {
    if (id == null || id.isMissingNode() || id.isNull() || (id.isTextual() && id.textValue().isEmpty())) {
      return this;
    }
    set(canonical + ".id", id, origin);
    return this;
  }

  /** Records the origin of a member set by other means (an array element). */
  Form origin(String canonical, String origin) {
    origins.put(canonical, origin);
    return this;
  }

  /**
   * The {@code properties} object, made when missing; when the properties are unknown, a detached
   * object (what is set there is not read: the resource is outside the input anyway).
   */
  ObjectNode properties() {
    JsonNode p = resource.get("properties");
    if (p == null) {
      return resource.putObject("properties");
    }
    return p.isObject() ? (ObjectNode) p : object();
  }

  /** Sets a member of an object unless the value is absent (missing or null). */
  static void put(ObjectNode o, String name, JsonNode v) {
    if (v != null && !v.isMissingNode() && !v.isNull()) {
      o.set(name, v);
    }
  }

  /** A new array node. */
  static ArrayNode array() {
    return JsonNodeFactory.instance.arrayNode();
  }

  /** A new object node. */
  static ObjectNode object() {
    return JsonNodeFactory.instance.objectNode();
  }

  /** An object {@code {"id": id}}. */
  static ObjectNode idObject(JsonNode id) {
    ObjectNode o = object();
    o.set("id", id);
    return o;
  }

  /** A text node. */
  static JsonNode text(String s) {
    return TextNode.valueOf(s);
  }
}
