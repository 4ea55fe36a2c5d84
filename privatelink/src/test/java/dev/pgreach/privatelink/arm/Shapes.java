package dev.pgreach.privatelink.arm;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/** Test documents of every shape, and ways to compare what reading them gives. */
final class Shapes {
  static final ObjectMapper MAPPER = new ObjectMapper();
  static final String SUB = "/subscriptions/5b0e2c6a-1d2f-4c3e-9a7b-0c1d2e3f4a5b/resourceGroups/rg-orders/providers/";
  static final String ORDERS = SUB + "Microsoft.DBforPostgreSQL/flexibleServers/orders-pg";
  static final String LEDGER = SUB + "Microsoft.DBforPostgreSQL/flexibleServers/ledger-pg";
  static final String VNET = SUB + "Microsoft.Network/virtualNetworks/vnet-orders";

  private Shapes() {}

  /** A test document of the shapes directory. */
  static String text(String name) {
    return Resources.text("shapes/" + name);
  }

  /** A test document of the shapes directory, named by its file name. */
  static ArmDocument document(String name) {
    return ArmDocument.of(name, text(name));
  }

  /** Several test documents, in order. */
  static List<ArmDocument> documents(String... names) {
    List<ArmDocument> out = new ArrayList<>();
    for (String n : names) {
      out.add(document(n));
    }
    return out;
  }

  /** Reads one test document's shapes. */
  static ShapedInput shape(String name) {
    return ArmShapes.shape(Json.parse(text(name), "$"));
  }

  static JsonNode json(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The canonical resources by id in lower case; a resource listed twice keeps its first listing. */
  static Map<String, JsonNode> byId(ShapedInput in) {
    Map<String, JsonNode> out = new TreeMap<>();
    for (ShapedResource r : in.resources()) {
      out.putIfAbsent(r.id().orElseThrow().toLowerCase(Locale.ROOT), r.resource());
    }
    return out;
  }

  /** The one canonical resource with this id. */
  static ShapedResource resource(ShapedInput in, String id) {
    return in.resources().stream().filter(r -> r.id().orElseThrow().equalsIgnoreCase(id)).findFirst().orElseThrow(() -> new AssertionError("no resource " + id + " in " + in.resources()));
  }

  /**
   * What an estate is, written back as ARM resources by id, with every resource id in lower case
   * (ids compare ignoring case): two estates that give equal maps are the same estate, whatever
   * the order their resources were read in.
   */
  static Map<String, JsonNode> estate(ArmImport read) {
    JsonNode written = json(ArmExport.write(read.estate()).resourcesJson());
    Map<String, JsonNode> out = new TreeMap<>();
    for (JsonNode r : written) {
      out.put(r.get("id").textValue().toLowerCase(Locale.ROOT), lowerIds(r));
    }
    return out;
  }

  /** A copy with every string that is a resource id in lower case. */
  static JsonNode lowerIds(JsonNode v) {
    if (v.isTextual() && v.textValue().regionMatches(true, 0, "/subscriptions/", 0, 15)) {
      return TextNode.valueOf(v.textValue().toLowerCase(Locale.ROOT));
    }
    if (v.isObject()) {
      ObjectNode o = MAPPER.createObjectNode();
      v.properties().forEach(m -> o.set(m.getKey(), lowerIds(m.getValue())));
      return o;
    }
    if (v.isArray()) {
      ArrayNode a = MAPPER.createArrayNode();
      v.forEach(e -> a.add(lowerIds(e)));
      return a;
    }
    return v;
  }
}
