package dev.pgreach.privatelink.terraform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.NullNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.ResourceId;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes canonical ARM resources (as {@code ArmExport} writes them) as the Terraform state JSON the
 * {@code azurerm} provider would hold for them, in the documented {@code terraform show -json}
 * format: networking in {@code module.network}, each server and its children in {@code
 * module.db["<server>"]} (a {@code for_each} module), DNS in the root module with {@code for_each}
 * keys. It also gives the ARM resources with what Terraform's state cannot carry taken out
 * ({@link #visible}), which a reading of the state must agree with.
 */
public final class StateWriter {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonNodeFactory F = JsonNodeFactory.instance;

  /** The state resources by module address, in order. */
  private final Map<String, List<ObjectNode>> modules = new LinkedHashMap<>();
  private final Map<String, ObjectNode> endpoints = new LinkedHashMap<>();
  private final ArrayNode visible = F.arrayNode();
  private int counter;

  private StateWriter() {}

  /** The state JSON and the ARM resources it carries. */
  public record Written(String state, String visibleArm) {}

  public static Written write(String armJson) {
    StateWriter w = new StateWriter();
    JsonNode arm;
    try {
      arm = JSON.readTree(armJson);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    for (JsonNode r : arm) {
      w.resource((ObjectNode) r.deepCopy());
    }
    return new Written(w.state(), w.visible.toString());
  }

  private String state() {
    ObjectNode doc = F.objectNode().put("format_version", "1.0").put("terraform_version", "1.9.8");
    ObjectNode values = doc.putObject("values");
    values.putObject("outputs");
    ObjectNode root = values.putObject("root_module");
    ArrayNode rootResources = root.putArray("resources");
    ArrayNode children = root.putArray("child_modules");
    modules.forEach((module, resources) -> {
      ArrayNode target;
      if (module.isEmpty()) {
        target = rootResources;
      } else {
        ObjectNode child = children.addObject().put("address", module);
        target = child.putArray("resources");
      }
      resources.forEach(target::add);
    });
    return doc.toString();
  }

  private ObjectNode add(String module, String type, String name, String key, ObjectNode values) {
    String prefix = module.isEmpty() ? "" : module + ".";
    ObjectNode r = F.objectNode();
    r.put("address", prefix + type + "." + name + (key == null ? "" : key));
    r.put("mode", "managed").put("type", type).put("name", name);
    if (key != null) {
      r.set("index", key.startsWith("[\"") ? F.textNode(key.substring(2, key.length() - 2)) : F.numberNode(Integer.parseInt(key.substring(1, key.length() - 1))));
    }
    r.put("provider_name", "registry.terraform.io/hashicorp/azurerm").put("schema_version", 0);
    r.set("values", values);
    r.set("sensitive_values", F.objectNode());
    modules.computeIfAbsent(module, k -> new ArrayList<>()).add(r);
    return values;
  }

  private static String key(String name) {
    return "[\"" + name + "\"]";
  }

  private ObjectNode base(ResourceId id, JsonNode r) {
    ObjectNode v = F.objectNode().put("id", id.toString()).put("name", id.name()).put("resource_group_name", id.resourceGroup());
    if (r.has("location")) {
      v.put("location", r.get("location").asText());
    }
    v.putObject("tags");
    v.set("timeouts", NullNode.instance);
    return v;
  }

  private static JsonNode or(JsonNode v, JsonNode otherwise) {
    return v == null || v.isMissingNode() || v.isNull() ? otherwise : v;
  }

  private static JsonNode text(JsonNode v) {
    return or(v, NullNode.instance);
  }

  private void resource(ObjectNode r) {
    String type = r.path("type").asText();
    ResourceId id = ResourceId.parse(r.path("id").asText());
    JsonNode p = r.path("properties");
    switch (type) {
      case "Microsoft.Network/virtualNetworks" -> virtualNetwork(r, id, p);
      case "Microsoft.Network/networkSecurityGroups" -> {
        ObjectNode v = base(id, r);
        ArrayNode rules = v.putArray("security_rule");
        for (JsonNode rule : p.path("securityRules")) {
          ObjectNode x = securityRule(rule.path("properties"));
          x.put("name", rule.path("name").asText());
          rules.add(x);
        }
        add("module.network", "azurerm_network_security_group", "nsg", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.Network/routeTables" -> {
        ObjectNode v = base(id, r);
        ArrayNode routes = v.putArray("route");
        for (JsonNode route : p.path("routes")) {
          ObjectNode x = routes.addObject().put("name", route.path("name").asText());
          x.set("address_prefix", text(route.path("properties").path("addressPrefix")));
          x.set("next_hop_type", text(route.path("properties").path("nextHopType")));
          x.set("next_hop_in_ip_address", text(route.path("properties").path("nextHopIpAddress")));
        }
        v.put("bgp_route_propagation_enabled", true);
        add("module.network", "azurerm_route_table", "table", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.Network/networkInterfaces" -> {
        if (p.has("privateEndpoint")) {
          return; // Azure makes a private endpoint's interface; Terraform has no resource of it
        }
        ObjectNode v = base(id, r);
        ArrayNode configs = v.putArray("ip_configuration");
        for (JsonNode c : p.path("ipConfigurations")) {
          JsonNode cp = c.path("properties");
          ObjectNode x = configs.addObject().put("name", c.path("name").asText());
          x.set("subnet_id", text(cp.path("subnet").path("id")));
          x.set("private_ip_address", text(cp.path("privateIPAddress")));
          x.set("private_ip_address_allocation", or(cp.path("privateIPAllocationMethod"), F.textNode("Dynamic")));
          x.set("private_ip_address_version", or(cp.path("privateIPAddressVersion"), F.textNode("IPv4")));
          x.set("primary", or(cp.path("primary"), F.booleanNode(configs.size() == 1)));
          x.set("public_ip_address_id", text(cp.path("publicIPAddress").path("id")));
        }
        v.set("ip_forwarding_enabled", or(p.path("enableIPForwarding"), F.booleanNode(false)));
        v.set("dns_servers", or(p.path("dnsSettings").path("dnsServers"), F.arrayNode()));
        add("module.network", "azurerm_network_interface", "nic", key(id.name()), v);
        if (p.has("networkSecurityGroup")) {
          ObjectNode a = F.objectNode().put("id", id + "|" + p.path("networkSecurityGroup").path("id").asText());
          a.put("network_interface_id", id.toString()).put("network_security_group_id", p.path("networkSecurityGroup").path("id").asText());
          add("module.network", "azurerm_network_interface_security_group_association", "nic", key(id.name()), a);
        }
        visible.add(r);
      }
      case "Microsoft.Network/publicIPAddresses" -> {
        ObjectNode v = base(id, r);
        v.set("ip_address", text(p.path("ipAddress")));
        v.set("allocation_method", or(p.path("publicIPAllocationMethod"), F.textNode("Static")));
        v.set("sku", or(r.path("sku").path("name"), F.textNode("Standard")));
        v.set("ip_version", or(p.path("publicIPAddressVersion"), F.textNode("IPv4")));
        add("module.network", "azurerm_public_ip", "ip", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.Network/virtualNetworkGateways" -> {
        ObjectNode v = base(id, r);
        v.set("type", text(p.path("gatewayType")));
        v.set("vpn_type", or(p.path("vpnType"), F.textNode("RouteBased")));
        v.set("sku", or(p.path("sku").path("name"), F.textNode("VpnGw1")));
        v.set("active_active", or(p.path("activeActive"), F.booleanNode(false)));
        v.set("bgp_enabled", or(p.path("enableBgp"), F.booleanNode(false)));
        ArrayNode configs = v.putArray("ip_configuration");
        for (JsonNode c : p.path("ipConfigurations")) {
          ObjectNode x = configs.addObject().put("name", c.path("name").asText("default"));
          x.set("subnet_id", text(c.path("properties").path("subnet").path("id")));
          x.set("public_ip_address_id", text(c.path("properties").path("publicIPAddress").path("id")));
          x.put("private_ip_address_allocation", "Dynamic");
        }
        add("module.network", "azurerm_virtual_network_gateway", "gateway", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.Network/localNetworkGateways" -> {
        ObjectNode v = base(id, r);
        v.set("address_space", or(p.path("localNetworkAddressSpace").path("addressPrefixes"), F.arrayNode()));
        v.set("gateway_address", text(p.path("gatewayIpAddress")));
        add("module.network", "azurerm_local_network_gateway", "site", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.Network/connections" -> {
        ObjectNode v = base(id, r);
        v.set("type", text(p.path("connectionType")));
        v.set("virtual_network_gateway_id", text(p.path("virtualNetworkGateway1").path("id")));
        v.set("local_network_gateway_id", text(p.path("localNetworkGateway2").path("id")));
        v.set("peer_virtual_network_gateway_id", text(p.path("virtualNetworkGateway2").path("id")));
        v.set("express_route_circuit_id", text(p.path("peer").path("id")));
        add("module.network", "azurerm_virtual_network_gateway_connection", "connection", key(id.name()), v);
        ((ObjectNode) p).remove(List.of("connectionStatus", "provisioningState"));
        visible.add(r);
      }
      case "Microsoft.Network/dnsResolvers" -> {
        ObjectNode v = base(id, r);
        v.set("virtual_network_id", text(p.path("virtualNetwork").path("id")));
        add("module.network", "azurerm_private_dns_resolver", "resolver", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.Network/dnsResolvers/inboundEndpoints" -> {
        ObjectNode v = base(id, r);
        v.remove("resource_group_name");
        v.put("private_dns_resolver_id", id.parent().orElseThrow().toString());
        ArrayNode configs = v.putArray("ip_configurations");
        for (JsonNode c : p.path("ipConfigurations")) {
          ObjectNode x = configs.addObject();
          x.set("subnet_id", text(c.path("subnet").path("id")));
          x.set("private_ip_address", text(c.path("privateIpAddress")));
          x.set("private_ip_allocation_method", or(c.path("privateIpAllocationMethod"), F.textNode("Dynamic")));
        }
        add("module.network", "azurerm_private_dns_resolver_inbound_endpoint", "inbound", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.DBforPostgreSQL/flexibleServers" -> server(r, id, p);
      case "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules" -> {
        ObjectNode v = F.objectNode().put("id", id.toString()).put("name", id.name()).put("server_id", id.parent().orElseThrow().toString());
        v.set("start_ip_address", text(p.path("startIpAddress")));
        v.set("end_ip_address", text(p.path("endIpAddress")));
        add("module.db" + key(id.parent().orElseThrow().name()), "azurerm_postgresql_flexible_server_firewall_rule", "rule", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.DBforPostgreSQL/flexibleServers/configurations" -> {
        ObjectNode v = F.objectNode().put("id", id.toString()).put("name", id.name()).put("server_id", id.parent().orElseThrow().toString());
        v.set("value", text(p.path("value")));
        add("module.db" + key(id.parent().orElseThrow().name()), "azurerm_postgresql_flexible_server_configuration", "parameter", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.Network/privateDnsZones" -> {
        ObjectNode v = base(id, r);
        v.remove("location");
        add("", "azurerm_private_dns_zone", "zone", key(id.name()), v);
        visible.add(r);
      }
      case "Microsoft.Network/privateDnsZones/virtualNetworkLinks" -> {
        ObjectNode v = base(id, r);
        v.remove("location");
        v.put("private_dns_zone_name", id.parent().orElseThrow().name());
        v.set("virtual_network_id", text(p.path("virtualNetwork").path("id")));
        v.set("registration_enabled", or(p.path("registrationEnabled"), F.booleanNode(false)));
        v.set("resolution_policy", or(p.path("resolutionPolicy"), F.textNode("Default")));
        add("", "azurerm_private_dns_zone_virtual_network_link", "link", "[" + counter++ + "]", v);
        visible.add(r);
      }
      case "Microsoft.Network/privateDnsZones/A", "Microsoft.Network/privateDnsZones/CNAME" -> {
        boolean cname = type.endsWith("CNAME");
        ObjectNode v = base(id, r);
        v.remove("location");
        v.put("zone_name", id.parent().orElseThrow().name());
        v.set("ttl", text(p.path("ttl")));
        if (cname) {
          v.set("record", text(p.path("cnameRecord").path("cname")));
        } else {
          ArrayNode records = v.putArray("records");
          p.path("aRecords").forEach(a -> records.add(a.path("ipv4Address").asText()));
        }
        add("", cname ? "azurerm_private_dns_cname_record" : "azurerm_private_dns_a_record", "record", "[" + counter++ + "]", v);
        visible.add(r);
      }
      case "Microsoft.Network/privateEndpoints" -> privateEndpoint(r, id, p);
      case "Microsoft.Network/privateEndpoints/privateDnsZoneGroups" -> {
        ObjectNode endpoint = endpoints.get(id.parent().orElseThrow().toString().toLowerCase(java.util.Locale.ROOT));
        ArrayNode groups = (ArrayNode) endpoint.get("private_dns_zone_group");
        ObjectNode g = groups.addObject().put("id", id.toString()).put("name", id.name());
        ArrayNode zones = g.putArray("private_dns_zone_ids");
        for (JsonNode c : p.path("privateDnsZoneConfigs")) {
          zones.add(or(c.path("properties").path("privateDnsZoneId"), c.path("privateDnsZoneId")).asText());
        }
        for (JsonNode c : p.path("privateDnsZoneConfigs")) {
          ((ObjectNode) c).remove("name");
          if (c.has("properties")) {
            ((ObjectNode) c.get("properties")).remove("recordSets");
          }
        }
        visible.add(r);
      }
      default -> {
        // not a type of the azurerm mapping (a circuit, a virtual machine …): not in the state
      }
    }
  }

  private void virtualNetwork(ObjectNode r, ResourceId id, JsonNode p) {
    ObjectNode v = base(id, r);
    v.set("address_space", or(p.path("addressSpace").path("addressPrefixes"), F.arrayNode()));
    v.set("dns_servers", or(p.path("dhcpOptions").path("dnsServers"), F.arrayNode()));
    ArrayNode inline = v.putArray("subnet");
    for (JsonNode s : p.path("subnets")) {
      JsonNode sp = s.path("properties");
      ObjectNode x = inline.addObject().put("id", s.path("id").asText()).put("name", s.path("name").asText());
      ArrayNode prefixes = x.putArray("address_prefixes");
      if (sp.has("addressPrefix")) {
        prefixes.add(sp.get("addressPrefix").asText());
      }
      sp.path("addressPrefixes").forEach(prefixes::add);
      x.put("security_group", sp.path("networkSecurityGroup").path("id").asText(""));
      subnet(id, s);
    }
    add("module.network", "azurerm_virtual_network", "network", key(id.name()), v);
    for (JsonNode peering : p.path("virtualNetworkPeerings")) {
      JsonNode pp = peering.path("properties");
      ObjectNode x = F.objectNode().put("id", peering.path("id").asText()).put("name", peering.path("name").asText())
          .put("resource_group_name", id.resourceGroup()).put("virtual_network_name", id.name());
      x.set("remote_virtual_network_id", text(pp.path("remoteVirtualNetwork").path("id")));
      x.set("allow_virtual_network_access", or(pp.path("allowVirtualNetworkAccess"), F.booleanNode(true)));
      x.set("allow_forwarded_traffic", or(pp.path("allowForwardedTraffic"), F.booleanNode(false)));
      x.set("allow_gateway_transit", or(pp.path("allowGatewayTransit"), F.booleanNode(false)));
      x.set("use_remote_gateways", or(pp.path("useRemoteGateways"), F.booleanNode(false)));
      add("module.network", "azurerm_virtual_network_peering", "peering", key(id.name() + "/" + peering.path("name").asText()), x);
      ((ObjectNode) pp).remove(List.of("peeringState", "remoteAddressSpace", "remoteVirtualNetworkAddressSpace", "peeringSyncLevel"));
      for (String m : List.of("allowVirtualNetworkAccess", "allowForwardedTraffic", "allowGatewayTransit", "useRemoteGateways")) {
        if (!pp.has(m)) {
          ((ObjectNode) pp).set(m, x.get(m.equals("allowVirtualNetworkAccess") ? "allow_virtual_network_access" : m.equals("allowForwardedTraffic") ? "allow_forwarded_traffic"
              : m.equals("allowGatewayTransit") ? "allow_gateway_transit" : "use_remote_gateways"));
        }
      }
    }
    visible.add(r);
  }

  private void subnet(ResourceId network, JsonNode s) {
    JsonNode sp = s.path("properties");
    ObjectNode x = F.objectNode().put("id", s.path("id").asText()).put("name", s.path("name").asText())
        .put("resource_group_name", network.resourceGroup()).put("virtual_network_name", network.name());
    ArrayNode prefixes = x.putArray("address_prefixes");
    if (sp.has("addressPrefix")) {
      prefixes.add(sp.get("addressPrefix").asText());
    }
    sp.path("addressPrefixes").forEach(prefixes::add);
    ArrayNode delegations = x.putArray("delegation");
    for (JsonNode d : sp.path("delegations")) {
      ObjectNode dx = delegations.addObject().put("name", d.path("name").asText("delegation"));
      ObjectNode service = dx.putArray("service_delegation").addObject();
      service.put("name", or(d.path("properties").path("serviceName"), d.path("serviceName")).asText());
      service.putArray("actions").add("Microsoft.Network/virtualNetworks/subnets/join/action");
    }
    x.put("private_endpoint_network_policies", sp.path("privateEndpointNetworkPolicies").asText("Disabled"));
    x.put("private_link_service_network_policies_enabled", true);
    x.set("service_endpoints", F.arrayNode());
    x.put("default_outbound_access_enabled", true);
    String name = network.name() + "/" + s.path("name").asText();
    add("module.network", "azurerm_subnet", "subnet", key(name), x);
    if (sp.has("networkSecurityGroup")) {
      ObjectNode a = F.objectNode().put("id", s.path("id").asText()).put("subnet_id", s.path("id").asText());
      a.put("network_security_group_id", sp.path("networkSecurityGroup").path("id").asText());
      add("module.network", "azurerm_subnet_network_security_group_association", "subnet", key(name), a);
    }
    if (sp.has("routeTable")) {
      ObjectNode a = F.objectNode().put("id", s.path("id").asText()).put("subnet_id", s.path("id").asText());
      a.put("route_table_id", sp.path("routeTable").path("id").asText());
      add("module.network", "azurerm_subnet_route_table_association", "subnet", key(name), a);
    }
  }

  private static ObjectNode securityRule(JsonNode p) {
    ObjectNode x = F.objectNode();
    x.set("priority", p.path("priority"));
    x.set("direction", p.path("direction"));
    x.set("access", p.path("access"));
    x.set("protocol", p.path("protocol"));
    x.put("description", "");
    for (String[] m : new String[][] {{"sourcePortRange", "source_port_range"}, {"destinationPortRange", "destination_port_range"},
        {"sourceAddressPrefix", "source_address_prefix"}, {"destinationAddressPrefix", "destination_address_prefix"}}) {
      x.put(m[1], p.path(m[0]).asText(""));
    }
    for (String[] m : new String[][] {{"sourcePortRanges", "source_port_ranges"}, {"destinationPortRanges", "destination_port_ranges"},
        {"sourceAddressPrefixes", "source_address_prefixes"}, {"destinationAddressPrefixes", "destination_address_prefixes"}}) {
      x.set(m[1], or(p.path(m[0]), F.arrayNode()));
    }
    for (String[] m : new String[][] {{"sourceApplicationSecurityGroups", "source_application_security_group_ids"},
        {"destinationApplicationSecurityGroups", "destination_application_security_group_ids"}}) {
      ArrayNode ids = x.putArray(m[1]);
      p.path(m[0]).forEach(g -> ids.add(g.path("id").asText()));
    }
    return x;
  }

  private void server(ObjectNode r, ResourceId id, JsonNode p) {
    ObjectNode v = base(id, r);
    String tier = r.path("sku").path("tier").asText();
    String prefix = tier.equals("Burstable") ? "B_" : tier.equals("MemoryOptimized") ? "MO_" : "GP_";
    v.put("sku_name", prefix + r.path("sku").path("name").asText());
    v.set("version", text(p.path("version")));
    JsonNode n = p.path("network");
    v.set("delegated_subnet_id", text(n.path("delegatedSubnetResourceId")));
    v.set("private_dns_zone_id", text(n.path("privateDnsZoneArmResourceId")));
    v.put("public_network_access_enabled", n.path("publicNetworkAccess").asText("Enabled").equals("Enabled"));
    String mode = p.path("highAvailability").path("mode").asText("Disabled");
    ArrayNode ha = v.putArray("high_availability");
    if (!mode.equals("Disabled")) {
      ha.addObject().put("mode", mode).put("standby_availability_zone", "2");
    }
    v.set("create_mode", text(p.path("createMode")));
    v.set("source_server_id", text(p.path("sourceServerResourceId")));
    v.set("replication_role", text(p.path("replicationRole")));
    v.put("administrator_login", "pgadmin");
    v.put("administrator_password", "never-printed-Secret-1");
    v.put("fqdn", id.name() + ".postgres.database.azure.com");
    add("module.db" + key(id.name()), "azurerm_postgresql_flexible_server", "this", null, v);
    ObjectNode sensitive = (ObjectNode) modules.get("module.db" + key(id.name())).get(modules.get("module.db" + key(id.name())).size() - 1).get("sensitive_values");
    sensitive.put("administrator_password", true);
    // azurerm has no state attribute: a reading of the state takes every server for Ready.
    ((ObjectNode) p).remove("fullyQualifiedDomainName");
    ((ObjectNode) p).put("state", "Ready");
    visible.add(r);
  }

  private void privateEndpoint(ObjectNode r, ResourceId id, JsonNode p) {
    ObjectNode v = base(id, r);
    v.set("subnet_id", text(p.path("subnet").path("id")));
    ArrayNode connections = v.putArray("private_service_connection");
    for (String member : List.of("privateLinkServiceConnections", "manualPrivateLinkServiceConnections")) {
      for (JsonNode c : p.path(member)) {
        JsonNode cp = c.path("properties");
        ObjectNode x = connections.addObject().put("name", c.path("name").asText(id.name()));
        x.set("private_connection_resource_id", text(cp.path("privateLinkServiceId")));
        x.set("subresource_names", or(cp.path("groupIds"), F.arrayNode()));
        x.put("is_manual_connection", member.startsWith("manual"));
        x.set("private_ip_address", NullNode.instance);
        x.set("request_message", NullNode.instance);
        if (cp.isObject()) {
          ((ObjectNode) cp).remove("privateLinkServiceConnectionState");
        }
      }
    }
    ArrayNode configs = v.putArray("ip_configuration");
    for (JsonNode c : p.path("ipConfigurations")) {
      JsonNode cp = c.path("properties");
      ObjectNode x = configs.addObject().put("name", c.path("name").asText("ipconfig"));
      x.set("private_ip_address", text(cp.path("privateIPAddress")));
      x.set("subresource_name", text(cp.path("groupId")));
      x.set("member_name", text(cp.path("memberName")));
    }
    ArrayNode custom = v.putArray("custom_dns_configs");
    for (JsonNode d : p.path("customDnsConfigs")) {
      ObjectNode x = custom.addObject();
      x.set("fqdn", text(d.path("fqdn")));
      x.set("ip_addresses", or(d.path("ipAddresses"), F.arrayNode()));
    }
    ArrayNode interfaces = v.putArray("network_interface");
    for (JsonNode n : p.path("networkInterfaces")) {
      String nic = n.path("id").asText();
      interfaces.addObject().put("id", nic).put("name", nic.substring(nic.lastIndexOf('/') + 1));
    }
    v.putArray("private_dns_zone_group");
    add("module.network", "azurerm_private_endpoint", "endpoint", key(id.name()), v);
    endpoints.put(id.toString().toLowerCase(java.util.Locale.ROOT), v);
    visible.add(r);
  }
}
