package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Turns a state JSON document into plan JSON documents in the documented {@code terraform show
 * -json} format: one with no changes, and one whose planned values are partly known only after
 * apply ({@code after_unknown}), as a plan that re-creates resources shows them.
 */
public final class PlanWriter {
  private static final ObjectMapper JSON = new ObjectMapper();

  /**
   * The attributes whose values decide answers, without naming what a companion document refers
   * to (names, ids, groups, locations, a subnet's or network's address space stay known). A
   * private DNS zone's virtual network links stay known too: DNS resolution does not yet read a
   * zone whose link list is not known in full as undecided (a link known only after apply makes
   * resolution fall through to public DNS), which is the DNS model's to answer, not this front
   * end's.
   */
  private static final java.util.Set<String> DECIDING = java.util.Set.of(
      "public_network_access_enabled", "delegated_subnet_id", "private_dns_zone_id", "high_availability", "version",
      "start_ip_address", "end_ip_address", "value", "security_rule", "route",
      "network_security_group_id", "route_table_id", "remote_virtual_network_id", "allow_virtual_network_access",
      "allow_forwarded_traffic", "allow_gateway_transit", "use_remote_gateways",
      "records", "record", "ttl", "private_service_connection", "custom_dns_configs",
      "private_dns_zone_group", "ip_forwarding_enabled", "ip_address", "sku_name", "create_mode", "source_server_id");

  private PlanWriter() {}

  /**
   * A plan that changes nothing: each resource a {@code no-op} change whose before and after are
   * the state's values.
   */
  public static String noChanges(String state) {
    return plan(state, null);
  }

  /**
   * A plan whose after values are those of the state, except some of the attributes that decide
   * answers (chosen by the seed) known only after apply: their after value is null and {@code after_unknown} marks them.
   */
  public static String someUnknown(String state, long seed) {
    return plan(state, new Random(seed));
  }

  private static String plan(String state, Random random) {
    JsonNode doc;
    try {
      doc = JSON.readTree(state);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ObjectNode plan = JSON.createObjectNode().put("format_version", "1.2").put("terraform_version", "1.9.8");
    plan.set("planned_values", JSON.createObjectNode().set("root_module", doc.path("values").path("root_module").deepCopy()));
    ArrayNode changes = plan.putArray("resource_changes");
    List<JsonNode> resources = new ArrayList<>();
    doc.path("values").path("root_module").path("resources").forEach(resources::add);
    doc.path("values").path("root_module").path("child_modules").forEach(m -> m.path("resources").forEach(resources::add));
    for (JsonNode r : resources) {
      ObjectNode c = changes.addObject();
      c.put("address", r.path("address").asText());
      String address = r.path("address").asText();
      String local = r.path("type").asText() + "." + r.path("name").asText();
      int at = address.lastIndexOf(local);
      if (at > 0) {
        c.put("module_address", address.substring(0, at - 1));
      }
      c.put("mode", "managed").put("type", r.path("type").asText()).put("name", r.path("name").asText());
      if (r.has("index")) {
        c.set("index", r.get("index"));
      }
      c.put("provider_name", "registry.terraform.io/hashicorp/azurerm");
      ObjectNode change = c.putObject("change");
      ObjectNode after = r.path("values").deepCopy();
      ObjectNode unknown = JSON.createObjectNode();
      boolean changed = false;
      if (random != null) {
        List<String> names = new ArrayList<>();
        after.fieldNames().forEachRemaining(names::add);
        for (String n : names) {
          if (DECIDING.contains(n) && random.nextInt(3) == 0) {
            after.set(n, NullNode.instance);
            unknown.set(n, BooleanNode.TRUE);
            changed = true;
          }
        }
      }
      change.putArray("actions").add(changed ? "update" : "no-op");
      change.set("before", r.path("values").deepCopy());
      change.set("after", after);
      change.set("after_unknown", unknown);
      change.set("before_sensitive", r.path("sensitive_values").deepCopy());
      change.set("after_sensitive", r.path("sensitive_values").deepCopy());
    }
    return plan.toString();
  }
}
