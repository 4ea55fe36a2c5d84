package dev.pgreach.privatelink.terraform;

import static dev.pgreach.privatelink.terraform.Mapping.attr;
import static dev.pgreach.privatelink.terraform.Mapping.location;
import static dev.pgreach.privatelink.terraform.Mapping.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.Optional;

/** The mapping of private endpoints, virtual network gateways and DNS resolver inbound endpoints. */
final class Endpoints {
  private Endpoints() {}

  /**
   * A private endpoint: its subnet, its one connection (manual or automatic), its address (from
   * {@code ip_configuration}, {@code custom_dns_configs} or the connection's {@code
   * private_ip_address}), and its DNS zone group as a resource of its own.
   */
  static void privateEndpoint(Mapping m, Instance i, Form f, ResourceId id) {
    f.set("location", location(i), "location");
    f.setId("properties.subnet", m.side.reference(i, "subnet_id"), "subnet_id");
    JsonNode connections = i.value("private_service_connection");
    boolean addressed = false;
    if (connections.isArray()) {
      ArrayNode automatic = Form.array();
      ArrayNode manual = Form.array();
      for (int k = 0; k < connections.size(); k++) {
        Object[] base = {"private_service_connection", k};
        ObjectNode c = Form.object();
        Form.put(c, "name", i.value(path(base, "name")));
        ObjectNode cp = c.putObject("properties");
        JsonNode target = m.side.reference(i, path(base, "private_connection_resource_id"));
        if (!target.isMissingNode()) {
          Form.put(cp, "privateLinkServiceId", target);
        }
        JsonNode groups = i.value(path(base, "subresource_names"));
        if (!groups.isMissingNode()) {
          Form.put(cp, "groupIds", groups);
        }
        boolean isManual = i.value(path(base, "is_manual_connection")).asBoolean(false);
        String p = "properties." + (isManual ? "manualPrivateLinkServiceConnections" : "privateLinkServiceConnections") + "[" + (isManual ? manual.size() : automatic.size()) + "].properties.";
        f.origin(p + "privateLinkServiceId", attr(path(base, "private_connection_resource_id")));
        f.origin(p + "groupIds", attr(path(base, "subresource_names")));
        (isManual ? manual : automatic).add(c);
      }
      f.set("properties.privateLinkServiceConnections", automatic, "private_service_connection");
      f.set("properties.manualPrivateLinkServiceConnections", manual, "private_service_connection");
    } else {
      f.set("properties.privateLinkServiceConnections", connections, "private_service_connection");
    }
    JsonNode configs = i.value("ip_configuration");
    ArrayNode ipConfigurations = Form.array();
    for (int k = 0; configs.isArray() && k < configs.size(); k++) {
      Object[] base = {"ip_configuration", k};
      ObjectNode c = Form.object();
      Form.put(c, "name", i.value(path(base, "name")));
      ObjectNode cp = c.putObject("properties");
      Form.put(cp, "privateIPAddress", i.value(path(base, "private_ip_address")));
      JsonNode group = i.value(path(base, "subresource_name"));
      if (group.isTextual()) {
        Form.put(cp, "groupId", group);
      }
      f.origin("properties.ipConfigurations[" + k + "].properties.privateIPAddress", attr(path(base, "private_ip_address")));
      ipConfigurations.add(c);
      addressed = true;
    }
    if (!addressed && connections.isArray() && connections.size() == 1 && i.isKnown("private_service_connection", 0, "private_ip_address")) {
      // Azure's address of the endpoint's one connection, as the provider reports it.
      ObjectNode c = Form.object();
      Form.put(c, "name", i.value("private_service_connection", 0, "name"));
      c.putObject("properties").set("privateIPAddress", i.value("private_service_connection", 0, "private_ip_address"));
      f.origin("properties.ipConfigurations[0].properties.privateIPAddress", "private_service_connection[0].private_ip_address");
      ipConfigurations.add(c);
    }
    f.set("properties.ipConfigurations", ipConfigurations, "ip_configuration");
    JsonNode custom = i.value("custom_dns_configs");
    if (custom.isArray()) {
      ArrayNode out = Form.array();
      for (int k = 0; k < custom.size(); k++) {
        ObjectNode d = Form.object();
        Form.put(d, "fqdn", i.value("custom_dns_configs", k, "fqdn"));
        Form.put(d, "ipAddresses", i.value("custom_dns_configs", k, "ip_addresses"));
        f.origin("properties.customDnsConfigs[" + k + "].ipAddresses", attr("custom_dns_configs", k, "ip_addresses"));
        out.add(d);
      }
      f.set("properties.customDnsConfigs", out, "custom_dns_configs");
    }
    JsonNode interfaces = i.value("network_interface");
    if (interfaces.isArray()) {
      ArrayNode out = Form.array();
      for (int k = 0; k < interfaces.size(); k++) {
        JsonNode nic = i.value("network_interface", k, "id");
        if (nic.isTextual()) {
          out.add(Form.idObject(nic));
          f.origin("properties.networkInterfaces[" + k + "].id", attr("network_interface", k, "id"));
        }
      }
      f.set("properties.networkInterfaces", out, "network_interface");
    }
    zoneGroup(m, i, id);
  }

  /** The endpoint's {@code private_dns_zone_group} block, as Azure's privateDnsZoneGroups child. */
  private static void zoneGroup(Mapping m, Instance i, ResourceId endpoint) {
    JsonNode groups = i.value("private_dns_zone_group");
    if (!groups.isArray()) {
      if (ResourceInput.isUnknown(groups)) {
        m.side.notes.add(i.address() + ".private_dns_zone_group: known only after apply; the endpoint's DNS zone group is not known");
      }
      return;
    }
    for (int k = 0; k < groups.size(); k++) {
      Optional<String> name = i.text("private_dns_zone_group", k, "name").filter(s -> !s.isBlank() && s.indexOf('/') < 0);
      if (name.isEmpty()) {
        m.side.notes.add(i.address() + "." + attr("private_dns_zone_group", k, "name") + ": not known; the endpoint's DNS zone group is not read");
        continue;
      }
      Form g = new Form(endpoint.child("privateDnsZoneGroups", name.get()), "Microsoft.Network/privateEndpoints/privateDnsZoneGroups", i.address());
      g.origins.put("id", attr("private_dns_zone_group", k, "id"));
      JsonNode ids = i.value("private_dns_zone_group", k, "private_dns_zone_ids");
      ArrayNode configs = Form.array();
      if (ids.isArray()) {
        for (int z = 0; z < ids.size(); z++) {
          ObjectNode c = Form.object();
          JsonNode zone = i.value("private_dns_zone_group", k, "private_dns_zone_ids", z);
          ResourceId.tryParse(zone.asText("")).ifPresent(zid -> c.put("name", zid.name().replace('.', '-')));
          c.putObject("properties").set("privateDnsZoneId", zone);
          g.origin("properties.privateDnsZoneConfigs[" + z + "].properties.privateDnsZoneId", attr("private_dns_zone_group", k, "private_dns_zone_ids", z));
          configs.add(c);
        }
        g.set("properties.privateDnsZoneConfigs", configs, attr("private_dns_zone_group", k, "private_dns_zone_ids"));
      } else {
        JsonNode resolved = m.side.reference(i, "private_dns_zone_group", k, "private_dns_zone_ids");
        if (resolved.isTextual()) {
          ObjectNode c = Form.object();
          c.putObject("properties").set("privateDnsZoneId", resolved);
          configs.add(c);
          g.set("properties.privateDnsZoneConfigs", configs, attr("private_dns_zone_group", k, "private_dns_zone_ids"));
        } else {
          g.set("properties.privateDnsZoneConfigs", ids.isMissingNode() ? configs : resolved, attr("private_dns_zone_group", k, "private_dns_zone_ids"));
        }
      }
      m.add(g);
    }
  }

  /** A virtual network gateway. */
  static void gateway(Mapping m, Instance i, Form f) {
    f.set("location", location(i), "location");
    f.set("properties.gatewayType", i.value("type"), "type");
    f.set("properties.vpnType", i.value("vpn_type"), "vpn_type");
    f.set("properties.sku.name", i.value("sku"), "sku");
    f.set("properties.sku.tier", i.value("sku"), "sku");
    f.set("properties.activeActive", i.value("active_active"), "active_active");
    f.set("properties.enableBgp", Mapping.first(i.value("bgp_enabled"), i.value("enable_bgp")), "enable_bgp");
    JsonNode configs = i.value("ip_configuration");
    if (configs.isArray()) {
      ArrayNode out = Form.array();
      for (int k = 0; k < configs.size(); k++) {
        out.add(Forms.ipConfiguration(m, i, f, k));
      }
      f.set("properties.ipConfigurations", out, "ip_configuration");
    } else {
      f.set("properties.ipConfigurations", configs, "ip_configuration");
    }
  }

  /** A DNS Private Resolver inbound endpoint. */
  static void inboundEndpoint(Mapping m, Instance i, Form f) {
    f.set("location", location(i), "location");
    JsonNode configs = i.value("ip_configurations");
    if (!configs.isArray()) {
      f.set("properties.ipConfigurations", configs, "ip_configurations");
      return;
    }
    ArrayNode out = Form.array();
    for (int k = 0; k < configs.size(); k++) {
      Object[] base = {"ip_configurations", k};
      String p = "properties.ipConfigurations[" + k + "].";
      ObjectNode c = Form.object();
      JsonNode subnet = m.side.reference(i, path(base, "subnet_id"));
      Form.put(c, "subnet", Form.idObject(subnet));
      f.origin(p + "subnet.id", attr(path(base, "subnet_id")));
      Form.put(c, "privateIpAddress", i.value(path(base, "private_ip_address")));
      f.origin(p + "privateIpAddress", attr(path(base, "private_ip_address")));
      JsonNode method = i.value(path(base, "private_ip_allocation_method"));
      Form.put(c, "privateIpAllocationMethod", method.isMissingNode() ? TextNode.valueOf("Dynamic") : method);
      out.add(c);
    }
    f.set("properties.ipConfigurations", out, "ip_configurations");
  }
}
