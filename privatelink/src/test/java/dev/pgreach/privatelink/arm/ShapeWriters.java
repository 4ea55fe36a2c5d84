package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

/**
 * Writes a list of REST bodies in the other shapes users have: as Azure CLI flattens it, as
 * PowerShell exports it, as Resource Graph returns it, as pages of a REST list, and split between
 * two documents. Each is written the simple way the tool does it, independently of how {@link
 * ArmShapes} reads it back.
 */
final class ShapeWriters {
  private static final String[] ENVELOPE = {"id", "name", "type", "location", "sku", "tags", "etag", "kind", "identity", "zones", "systemData"};

  private ShapeWriters() {}

  /** Gives every resource's {@code properties} a {@code provisioningState}, as every REST body of these types has one. */
  static ArrayNode realise(JsonNode list) {
    ArrayNode out = list.deepCopy();
    out.forEach(r -> {
      if (r.get("properties") instanceof ObjectNode) {
        ((ObjectNode) r.get("properties")).put("provisioningState", "Succeeded");
      }
    });
    return out;
  }

  // ------------------------------------------------------------------ az

  /** Azure CLI: properties written beside the envelope, sub-resources too, nulls for what was not returned, a resourceGroup beside every id, keys sorted. */
  static ArrayNode flattened(JsonNode list) {
    ArrayNode out = Shapes.MAPPER.createArrayNode();
    list.forEach(r -> {
      ObjectNode f = flattenObject(r);
      f.putNull("tags");
      f.putNull("provisioningStateDetails");
      out.add(sorted(withResourceGroups(f)));
    });
    return out;
  }

  private static ObjectNode flattenObject(JsonNode r) {
    ObjectNode f = Shapes.MAPPER.createObjectNode();
    r.properties().forEach(m -> {
      if (!m.getKey().equals("properties")) {
        f.set(m.getKey(), m.getValue().deepCopy());
      }
    });
    JsonNode p = r.get("properties");
    if (p != null && p.isObject()) {
      p.properties().forEach(m -> f.set(m.getKey(), flattenValue(m.getValue())));
    }
    return f;
  }

  private static JsonNode flattenValue(JsonNode v) {
    if (!v.isArray()) {
      return v.deepCopy();
    }
    ArrayNode a = Shapes.MAPPER.createArrayNode();
    v.forEach(e -> a.add(e.isObject() && e.has("properties") ? flattenObject(e) : e.deepCopy()));
    return a;
  }

  private static JsonNode withResourceGroups(JsonNode v) {
    if (v.isObject()) {
      ObjectNode o = Shapes.MAPPER.createObjectNode();
      v.properties().forEach(m -> o.set(m.getKey(), withResourceGroups(m.getValue())));
      JsonNode id = v.get("id");
      if (id != null && id.isTextual() && id.textValue().split("/").length > 4) {
        o.put("resourceGroup", id.textValue().split("/")[4]);
      }
      return o;
    }
    if (v.isArray()) {
      ArrayNode a = Shapes.MAPPER.createArrayNode();
      v.forEach(e -> a.add(withResourceGroups(e)));
      return a;
    }
    return v;
  }

  private static JsonNode sorted(JsonNode v) {
    if (v.isObject()) {
      ObjectNode o = Shapes.MAPPER.createObjectNode();
      new TreeMap<String, JsonNode>(toMap(v)).forEach((k, x) -> o.set(k, sorted(x)));
      return o;
    }
    if (v.isArray()) {
      ArrayNode a = Shapes.MAPPER.createArrayNode();
      v.forEach(e -> a.add(sorted(e)));
      return a;
    }
    return v;
  }

  private static Map<String, JsonNode> toMap(JsonNode o) {
    Map<String, JsonNode> m = new LinkedHashMap<>();
    o.properties().forEach(e -> m.put(e.getKey(), e.getValue()));
    return m;
  }

  // ------------------------------------------------------------------ PowerShell

  /**
   * {@code Get-AzResource -ExpandProperties} as PSRule exports it: PascalCase members, children
   * nested under a parent in the list, without ids.
   */
  static ArrayNode powerShell(JsonNode list) {
    Map<String, ObjectNode> byId = new LinkedHashMap<>();
    ArrayNode out = Shapes.MAPPER.createArrayNode();
    for (JsonNode r : list) {
      String id = r.get("id").textValue();
      String parent = id.substring(0, Math.max(0, id.lastIndexOf('/', id.lastIndexOf('/') - 1)));
      ObjectNode nest = byId.get(parent.toLowerCase(Locale.ROOT));
      ObjectNode o = Shapes.MAPPER.createObjectNode();
      if (nest == null) {
        o.put("ResourceId", id);
        o.put("Id", id);
        o.putNull("Identity");
        o.putNull("Kind");
      }
      if (r.has("location")) {
        o.set("Location", r.get("location"));
      }
      o.set("ResourceName", r.get("name"));
      o.set("Name", r.get("name"));
      o.set("Properties", r.has("properties") ? r.get("properties").deepCopy() : NullNode.getInstance());
      o.put("ResourceGroupName", id.split("/")[4]);
      o.set("Type", r.get("type"));
      o.set("ResourceType", r.get("type"));
      if (nest == null) {
        if (r.has("sku")) {
          ObjectNode sku = o.putObject("Sku");
          r.get("sku").properties().forEach(m -> sku.set(Character.toUpperCase(m.getKey().charAt(0)) + m.getKey().substring(1), m.getValue()));
          sku.putNull("Size");
        } else {
          o.putNull("Sku");
        }
        o.putNull("Tags");
      }
      o.put("SubscriptionId", id.split("/")[2]);
      if (nest == null) {
        out.add(o);
        byId.put(id.toLowerCase(Locale.ROOT), o);
      } else {
        (nest.has("resources") ? (ArrayNode) nest.get("resources") : nest.putArray("resources")).add(o);
      }
    }
    return out;
  }

  // ------------------------------------------------------------------ Resource Graph

  /** {@code az graph query -q "resources | project id, name, type, location, sku, properties, …"}: lower-case types and ids. */
  static ObjectNode resourceGraph(JsonNode list) {
    ObjectNode doc = Shapes.MAPPER.createObjectNode();
    ArrayNode data = Shapes.MAPPER.createArrayNode();
    for (JsonNode r : list) {
      ObjectNode row = data.addObject();
      String id = r.get("id").textValue();
      row.put("id", id.toLowerCase(Locale.ROOT));
      row.set("name", r.get("name"));
      row.put("type", r.get("type").textValue().toLowerCase(Locale.ROOT));
      row.put("tenantId", "0f1e2d3c-4b5a-4968-8776-a5b4c3d2e1f0");
      for (String m : new String[] {"location", "sku", "properties"}) {
        if (r.has(m)) {
          row.set(m, r.get(m));
        }
      }
      row.put("resourceGroup", id.split("/")[4].toLowerCase(Locale.ROOT));
      row.put("subscriptionId", id.split("/")[2]);
    }
    doc.put("count", data.size());
    doc.set("data", data);
    doc.putNull("skip_token");
    doc.put("total_records", data.size());
    return doc;
  }

  // ------------------------------------------------------------------ REST pages and split documents

  /** The list cut into pages, each with the next page's link but the last. */
  static List<JsonNode> pages(JsonNode list, int count, Random random) {
    List<Integer> cuts = new ArrayList<>();
    for (int i = 0; i < count - 1; i++) {
      cuts.add(list.size() == 0 ? 0 : random.nextInt(list.size() + 1));
    }
    cuts.sort(null);
    cuts.add(list.size());
    List<JsonNode> out = new ArrayList<>();
    int from = 0;
    for (int c = 0; c < cuts.size(); c++) {
      ObjectNode page = Shapes.MAPPER.createObjectNode();
      ArrayNode value = page.putArray("value");
      for (int i = from; i < cuts.get(c); i++) {
        value.add(list.get(i));
      }
      if (c < cuts.size() - 1) {
        page.put("nextLink", "https://management.azure.com/providers/list?api-version=2024-08-01&$skiptoken=" + (c + 1));
      }
      out.add(page);
      from = cuts.get(c);
    }
    return out;
  }

  /**
   * Two documents that together hold the list: each resource is in one of them, or in both with
   * its properties' members shared out between them, or in both with the second saying {@code
   * properties: null}.
   */
  static List<ArrayNode> split(JsonNode list, Random random) {
    ArrayNode a = Shapes.MAPPER.createArrayNode();
    ArrayNode b = Shapes.MAPPER.createArrayNode();
    for (JsonNode r : list) {
      switch (random.nextInt(4)) {
        case 0:
          a.add(r);
          break;
        case 1:
          b.add(r);
          break;
        case 2: {
          ObjectNode first = envelope(r);
          ObjectNode second = envelope(r);
          JsonNode p = r.get("properties");
          if (p != null && p.isObject()) {
            ObjectNode pa = first.putObject("properties");
            ObjectNode pb = second.putObject("properties");
            p.properties().forEach(m -> (random.nextBoolean() ? pa : pb).set(m.getKey(), m.getValue()));
          }
          a.add(first);
          b.add(second);
          break;
        }
        default: {
          ObjectNode later = envelope(r);
          later.putNull("properties");
          a.add(r);
          b.add(later);
          break;
        }
      }
    }
    return List.of(a, b);
  }

  private static ObjectNode envelope(JsonNode r) {
    ObjectNode o = Shapes.MAPPER.createObjectNode();
    for (String m : ENVELOPE) {
      if (r.has(m)) {
        o.set(m, r.get(m));
      }
    }
    return o;
  }
}
