package dev.pgreach.privatelink.terraform;

import static dev.pgreach.privatelink.terraform.Mapping.attr;
import static dev.pgreach.privatelink.terraform.Mapping.enabled;
import static dev.pgreach.privatelink.terraform.Mapping.first;
import static dev.pgreach.privatelink.terraform.Mapping.location;
import static dev.pgreach.privatelink.terraform.Mapping.not;
import static dev.pgreach.privatelink.terraform.Mapping.path;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.Map;

/**
 * The mapping of each {@code azurerm} type to its Azure resource in canonical ARM form: the
 * attribute-to-property table of the module README's "Terraform" section, in code.
 */
final class Forms {
  private static final Map<String, String> TIERS = Map.of("B", "Burstable", "GP", "GeneralPurpose", "MO", "MemoryOptimized");

  private Forms() {}

  static void map(Mapping m, AzurermType t, Instance i, ResourceId id) {
    Form f = new Form(id, t.arm, i.address());
    f.properties();
    switch (t) {
      case POSTGRESQL_FLEXIBLE_SERVER -> server(m, i, f);
      case POSTGRESQL_FLEXIBLE_SERVER_FIREWALL_RULE -> {
        f.set("properties.startIpAddress", i.value("start_ip_address"), "start_ip_address");
        f.set("properties.endIpAddress", i.value("end_ip_address"), "end_ip_address");
      }
      case POSTGRESQL_FLEXIBLE_SERVER_CONFIGURATION -> f.set("properties.value", i.value("value"), "value");
      case VIRTUAL_NETWORK -> virtualNetwork(m, i, f, id);
      case SUBNET -> subnet(m, i, f, new Object[0], "properties.");
      case VIRTUAL_NETWORK_PEERING -> {
        f.setId("properties.remoteVirtualNetwork", m.side.reference(i, "remote_virtual_network_id"), "remote_virtual_network_id");
        f.set("properties.allowVirtualNetworkAccess", i.value("allow_virtual_network_access"), "allow_virtual_network_access");
        f.set("properties.allowForwardedTraffic", i.value("allow_forwarded_traffic"), "allow_forwarded_traffic");
        f.set("properties.allowGatewayTransit", i.value("allow_gateway_transit"), "allow_gateway_transit");
        f.set("properties.useRemoteGateways", i.value("use_remote_gateways"), "use_remote_gateways");
      }
      case NETWORK_SECURITY_GROUP -> {
        f.set("location", location(i), "location");
        JsonNode rules = i.shown("security_rule");
        if (rules.isArray()) {
          ArrayNode out = Form.array();
          for (int k = 0; k < rules.size(); k++) {
            ObjectNode rule = Form.object();
            Form.put(rule, "name", i.value("security_rule", k, "name"));
            f.origin("properties.securityRules[" + k + "].name", attr("security_rule", k, "name"));
            Form.put(rule, "properties", securityRule(i, f, new Object[] {"security_rule", k}, "properties.securityRules[" + k + "].properties."));
            out.add(rule);
          }
          f.set("properties.securityRules", out, "security_rule");
        } else {
          f.set("properties.securityRules", rules, "security_rule");
        }
      }
      case NETWORK_SECURITY_RULE -> f.resource.set("properties", securityRule(i, f, new Object[0], "properties."));
      case NETWORK_INTERFACE -> networkInterface(m, i, f);
      case ROUTE_TABLE -> {
        f.set("location", location(i), "location");
        JsonNode routes = i.shown("route");
        if (routes.isArray()) {
          ArrayNode out = Form.array();
          for (int k = 0; k < routes.size(); k++) {
            ObjectNode route = Form.object();
            Form.put(route, "name", i.value("route", k, "name"));
            Form.put(route, "properties", route(i, f, new Object[] {"route", k}, "properties.routes[" + k + "].properties."));
            out.add(route);
          }
          f.set("properties.routes", out, "route");
        } else {
          f.set("properties.routes", routes, "route");
        }
      }
      case ROUTE -> f.resource.set("properties", route(i, f, new Object[0], "properties."));
      case PRIVATE_DNS_ZONE -> f.set("location", TextNode.valueOf("global"), null);
      case PRIVATE_DNS_ZONE_VIRTUAL_NETWORK_LINK -> {
        f.set("location", TextNode.valueOf("global"), null);
        f.setId("properties.virtualNetwork", m.side.reference(i, "virtual_network_id"), "virtual_network_id");
        f.set("properties.registrationEnabled", i.value("registration_enabled"), "registration_enabled");
        f.set("properties.resolutionPolicy", i.value("resolution_policy"), "resolution_policy");
      }
      case PRIVATE_DNS_A_RECORD -> {
        f.set("properties.ttl", i.value("ttl"), "ttl");
        JsonNode records = i.value("records");
        if (records.isArray()) {
          ArrayNode out = Form.array();
          for (int k = 0; k < records.size(); k++) {
            ObjectNode a = Form.object();
            Form.put(a, "ipv4Address", i.value("records", k));
            f.origin("properties.aRecords[" + k + "].ipv4Address", attr("records", k));
            out.add(a);
          }
          f.set("properties.aRecords", out, "records");
        } else {
          f.set("properties.aRecords", records.isMissingNode() ? Form.array() : records, "records");
        }
      }
      case PRIVATE_DNS_CNAME_RECORD -> {
        f.set("properties.ttl", i.value("ttl"), "ttl");
        f.set("properties.cnameRecord.cname", i.value("record"), "record");
      }
      case PRIVATE_ENDPOINT -> Endpoints.privateEndpoint(m, i, f, id);
      case VIRTUAL_NETWORK_GATEWAY -> Endpoints.gateway(m, i, f);
      case LOCAL_NETWORK_GATEWAY -> {
        f.set("location", location(i), "location");
        f.set("properties.localNetworkAddressSpace.addressPrefixes", i.value("address_space"), "address_space");
        f.set("properties.gatewayIpAddress", i.value("gateway_address"), "gateway_address");
      }
      case VIRTUAL_NETWORK_GATEWAY_CONNECTION -> {
        f.set("location", location(i), "location");
        f.set("properties.connectionType", i.value("type"), "type");
        f.setId("properties.virtualNetworkGateway1", m.side.reference(i, "virtual_network_gateway_id"), "virtual_network_gateway_id");
        f.setId("properties.localNetworkGateway2", m.side.reference(i, "local_network_gateway_id"), "local_network_gateway_id");
        f.setId("properties.virtualNetworkGateway2", m.side.reference(i, "peer_virtual_network_gateway_id"), "peer_virtual_network_gateway_id");
        f.setId("properties.peer", m.side.reference(i, "express_route_circuit_id"), "express_route_circuit_id");
      }
      case PUBLIC_IP -> {
        f.set("location", location(i), "location");
        f.set("sku.name", i.value("sku"), "sku");
        f.set("properties.ipAddress", i.value("ip_address"), "ip_address");
        f.set("properties.publicIPAllocationMethod", i.value("allocation_method"), "allocation_method");
        f.set("properties.publicIPAddressVersion", i.value("ip_version"), "ip_version");
      }
      case PRIVATE_DNS_RESOLVER -> {
        f.set("location", location(i), "location");
        f.setId("properties.virtualNetwork", m.side.reference(i, "virtual_network_id"), "virtual_network_id");
      }
      case PRIVATE_DNS_RESOLVER_INBOUND_ENDPOINT -> Endpoints.inboundEndpoint(m, i, f);
      default -> throw new IllegalStateException("not a resource type: " + t);
    }
    structure(m, t, f);
    m.add(f);
  }

  /** The member without which a resource of a type says nothing: the reader cannot read the rest. */
  private static final Map<AzurermType, String> STRUCTURE = Map.of(
      AzurermType.NETWORK_INTERFACE, "ipConfigurations",
      AzurermType.PRIVATE_ENDPOINT, "privateLinkServiceConnections",
      AzurermType.VIRTUAL_NETWORK_GATEWAY, "ipConfigurations",
      AzurermType.PRIVATE_DNS_RESOLVER_INBOUND_ENDPOINT, "ipConfigurations");

  /**
   * A resource whose structure is known only after apply (a network interface's whole {@code
   * ip_configuration}, an endpoint's {@code private_service_connection}) is outside the input: an
   * endpoint is read with its properties unknown, which the reader reads so; other types are
   * declared to exist without their content.
   */
  private static void structure(Mapping m, AzurermType t, Form f) {
    String member = STRUCTURE.get(t);
    if (member == null) {
      return;
    }
    JsonNode v = f.properties().path(member);
    if (!ResourceInput.isUnknown(v)) {
      return;
    }
    if (t == AzurermType.PRIVATE_ENDPOINT) {
      m.side.notes.add(ResourceInput.whyUnknown(v).orElse(f.path) + "; " + f.resource.get("name").textValue() + " is read with its properties unknown");
      f.resource.set("properties", v);
    } else {
      m.side.notes.add(ResourceInput.whyUnknown(v).orElse(f.path) + "; " + f.resource.get("name").textValue() + " is read as outside the input");
      f.outside = true;
    }
  }

  // ------------------------------------------------------------------ servers

  private static void server(Mapping m, Instance i, Form f) {
    f.set("location", location(i), "location");
    JsonNode sku = i.shown("sku_name");
    if (sku.isTextual()) {
      String s = sku.textValue();
      int cut = s.indexOf('_');
      String tier = cut < 0 ? null : TIERS.get(s.substring(0, cut));
      if (tier == null) {
        m.side.problems.add(PgreachException.of(
            ErrorCode.INVALID_INPUT, "%s.sku_name (\"%s\"): must start with its tier, B_, GP_ or MO_ (as GP_Standard_D2ds_v5)", i.address(), TerraformDocument.clip(s)));
      } else {
        f.set("sku.name", TextNode.valueOf(s.substring(cut + 1)), "sku_name");
        f.set("sku.tier", TextNode.valueOf(tier), "sku_name");
      }
    } else {
      f.set("sku.tier", sku, "sku_name");
    }
    f.set("properties.version", i.shown("version"), "version");
    f.set("properties.network.delegatedSubnetResourceId", shownReference(m, i, "delegated_subnet_id"), "delegated_subnet_id");
    f.set("properties.network.privateDnsZoneArmResourceId", shownReference(m, i, "private_dns_zone_id"), "private_dns_zone_id");
    f.set("properties.network.publicNetworkAccess", enabled(i.shown("public_network_access_enabled")), "public_network_access_enabled");
    JsonNode ha = i.value("high_availability");
    if (ha.isArray()) {
      f.set("properties.highAvailability.mode", ha.isEmpty() ? TextNode.valueOf("Disabled") : i.value("high_availability", 0, "mode"),
          ha.isEmpty() ? "high_availability" : "high_availability[0].mode");
    } else if (ResourceInput.isUnknown(ha)) {
      f.set("properties.highAvailability", ha, "high_availability");
    }
    f.set("properties.createMode", i.value("create_mode"), "create_mode");
    f.set("properties.replicationRole", i.value("replication_role"), "replication_role");
    f.set("properties.sourceServerResourceId", m.side.reference(i, "source_server_id"), "source_server_id");
  }

  /** A reference the document must show: one it leaves out is unknown. */
  private static JsonNode shownReference(Mapping m, Instance i, String attribute) {
    JsonNode shown = i.shown(attribute);
    return ResourceInput.isUnknown(shown) && !ResourceInput.isUnknown(i.value(attribute)) ? shown : m.side.reference(i, attribute);
  }

  // ------------------------------------------------------------------ networks

  private static void virtualNetwork(Mapping m, Instance i, Form f, ResourceId id) {
    f.set("location", location(i), "location");
    f.set("properties.addressSpace.addressPrefixes", i.value("address_space"), "address_space");
    JsonNode dns = i.shown("dns_servers");
    if (ResourceInput.isUnknown(dns) && m.side.unsetOnCreate(i, "dns_servers")) {
      dns = Form.array();
      m.side.notes.add(i.address() + ".dns_servers: known only after apply, and the configuration does not set it; the network is created with Azure's own DNS");
    }
    f.set("properties.dhcpOptions.dnsServers", dns, "dns_servers");
    JsonNode subnets = i.value("subnet");
    if (ResourceInput.isUnknown(subnets)) {
      return;
    }
    for (int k = 0; k < subnets.size(); k++) {
      Object[] base = {"subnet", k};
      String name = i.text(path(base, "name")).orElse(null);
      if (name == null || name.isBlank() || name.indexOf('/') >= 0) {
        continue; // a subnet whose name is not known: the list is not known in full
      }
      ResourceId sid = i.text(path(base, "id")).flatMap(ResourceId::tryParse).orElse(id.child("subnets", name));
      if (m.standalone(sid)) {
        // The azurerm_subnet says more; the network's list still shows the subnet's group as Azure does.
        i.text(path(base, "security_group")).filter(g -> !g.isEmpty()).ifPresent(g -> m.inlineGroups.put(sid, new String[] {g, i.address() + "." + attr(path(base, "security_group"))}));
        continue;
      }
      Form s = new Form(sid, AzurermType.SUBNET.arm, i.address());
      s.origins.put("id", attr(path(base, "id")));
      s.origins.put("name", attr(path(base, "name")));
      s.properties();
      subnet(m, i, s, base, "properties.");
      m.add(s);
    }
    boolean allNamed = true;
    for (int k = 0; k < subnets.size(); k++) {
      allNamed &= i.isKnown("subnet", k, "name");
    }
    if (subnets.isArray() && allNamed) {
      m.complete(id, AzurermType.SUBNET.arm, i.address() + ".subnet");
    }
  }

  private static void subnet(Mapping m, Instance i, Form f, Object[] base, String p) {
    JsonNode one = i.value(path(base, "address_prefix"));
    JsonNode many = i.value(path(base, "address_prefixes"));
    if (one.isMissingNode() && many.isMissingNode()) {
      many = i.shown(path(base, "address_prefixes"));
    }
    f.set(p + "addressPrefix", one, attr(path(base, "address_prefix")));
    if (one.isMissingNode() || !many.isArray() || !many.isEmpty()) {
      f.set(p + "addressPrefixes", many, attr(path(base, "address_prefixes")));
    }
    JsonNode delegations = i.value(path(base, "delegation"));
    if (delegations.isArray()) {
      ArrayNode out = Form.array();
      for (int k = 0; k < delegations.size(); k++) {
        ObjectNode d = Form.object();
        Form.put(d, "name", i.value(path(base, "delegation", k, "name")));
        ObjectNode dp = d.putObject("properties");
        JsonNode service = i.value(path(base, "delegation", k, "service_delegation", 0, "name"));
        Form.put(dp, "serviceName", service);
        f.origin(p + "delegations[" + k + "].properties.serviceName", attr(path(base, "delegation", k, "service_delegation", 0, "name")));
        out.add(d);
      }
      f.set(p + "delegations", out, attr(path(base, "delegation")));
    } else {
      f.set(p + "delegations", delegations, attr(path(base, "delegation")));
    }
    // Three spellings over the provider's versions; the newest given wins. The oldest is inverted:
    // enforce_private_link_endpoint_network_policies = true disables the policies.
    JsonNode policies = i.value(path(base, "private_endpoint_network_policies"));
    String origin = attr(path(base, "private_endpoint_network_policies"));
    if (!policies.isTextual()) {
      JsonNode enabled = i.value(path(base, "private_endpoint_network_policies_enabled"));
      JsonNode enforce = i.value(path(base, "enforce_private_link_endpoint_network_policies"));
      if (enabled.isBoolean()) {
        policies = enabled(enabled);
        origin = attr(path(base, "private_endpoint_network_policies_enabled"));
      } else if (enforce.isBoolean()) {
        policies = enabled(not(enforce));
        origin = attr(path(base, "enforce_private_link_endpoint_network_policies"));
      } else {
        policies = first(policies, enabled, enforce);
      }
    }
    f.set(p + "privateEndpointNetworkPolicies", policies, origin);
    f.setId(p + "networkSecurityGroup", m.side.reference(i, path(base, "security_group")), attr(path(base, "security_group")));
    f.setId(p + "routeTable", m.side.reference(i, path(base, "route_table_id")), attr(path(base, "route_table_id")));
  }

  /** The properties of a security rule, inline ({@code security_rule[k]}) or on its own. */
  private static ObjectNode securityRule(Instance i, Form f, Object[] base, String p) {
    ObjectNode out = Form.object();
    String[][] members = {
      {"priority", "priority"}, {"direction", "direction"}, {"access", "access"}, {"protocol", "protocol"},
      {"source_port_range", "sourcePortRange"}, {"source_port_ranges", "sourcePortRanges"},
      {"destination_port_range", "destinationPortRange"}, {"destination_port_ranges", "destinationPortRanges"},
      {"source_address_prefix", "sourceAddressPrefix"}, {"source_address_prefixes", "sourceAddressPrefixes"},
      {"destination_address_prefix", "destinationAddressPrefix"}, {"destination_address_prefixes", "destinationAddressPrefixes"}
    };
    for (String[] mm : members) {
      JsonNode v = i.value(path(base, mm[0]));
      if (!v.isMissingNode()) {
        out.set(mm[1], v);
        f.origin(p + mm[1], attr(path(base, mm[0])));
      }
    }
    for (String[] g : new String[][] {{"source_application_security_group_ids", "sourceApplicationSecurityGroups"}, {"destination_application_security_group_ids", "destinationApplicationSecurityGroups"}}) {
      JsonNode ids = i.value(path(base, g[0]));
      if (ids.isArray()) {
        ArrayNode a = Form.array();
        for (int k = 0; k < ids.size(); k++) {
          a.add(Form.idObject(i.value(path(base, g[0], k))));
          f.origin(p + g[1] + "[" + k + "].id", attr(path(base, g[0], k)));
        }
        out.set(g[1], a);
      } else if (!ids.isMissingNode()) {
        out.set(g[1], ids);
        f.origin(p + g[1], attr(path(base, g[0])));
      }
    }
    return out;
  }

  private static ObjectNode route(Instance i, Form f, Object[] base, String p) {
    ObjectNode out = Form.object();
    String[][] members = {{"address_prefix", "addressPrefix"}, {"next_hop_type", "nextHopType"}, {"next_hop_in_ip_address", "nextHopIpAddress"}};
    for (String[] mm : members) {
      JsonNode v = i.value(path(base, mm[0]));
      if (!v.isMissingNode() && !(v.isTextual() && v.textValue().isEmpty())) {
        out.set(mm[1], v);
        f.origin(p + mm[1], attr(path(base, mm[0])));
      }
    }
    return out;
  }

  /**
   * The Azure form of an {@code ip_configuration} block's name, subnet and public IP address (an
   * empty {@code public_ip_address_id} is none), each member's origin recorded; the caller adds
   * what its resource type has besides, under {@code properties}.
   */
  static ObjectNode ipConfiguration(Mapping m, Instance i, Form f, int k) {
    Object[] base = {"ip_configuration", k};
    String p = "properties.ipConfigurations[" + k + "].properties.";
    ObjectNode c = Form.object();
    Form.put(c, "name", i.value(path(base, "name")));
    ObjectNode cp = c.putObject("properties");
    JsonNode subnet = m.side.reference(i, path(base, "subnet_id"));
    if (!subnet.isMissingNode()) {
      Form.put(cp, "subnet", Form.idObject(subnet));
      f.origin(p + "subnet.id", attr(path(base, "subnet_id")));
    }
    JsonNode pip = m.side.reference(i, path(base, "public_ip_address_id"));
    if (!pip.isMissingNode() && !(pip.isTextual() && pip.textValue().isEmpty())) {
      Form.put(cp, "publicIPAddress", Form.idObject(pip));
      f.origin(p + "publicIPAddress.id", attr(path(base, "public_ip_address_id")));
    }
    return c;
  }

  private static void networkInterface(Mapping m, Instance i, Form f) {
    f.set("location", location(i), "location");
    JsonNode configs = i.value("ip_configuration");
    if (configs.isArray()) {
      ArrayNode out = Form.array();
      for (int k = 0; k < configs.size(); k++) {
        Object[] base = {"ip_configuration", k};
        String p = "properties.ipConfigurations[" + k + "].properties.";
        ObjectNode c = ipConfiguration(m, i, f, k);
        ObjectNode cp = (ObjectNode) c.get("properties");
        String[][] members = {{"private_ip_address", "privateIPAddress"}, {"private_ip_address_allocation", "privateIPAllocationMethod"},
          {"private_ip_address_version", "privateIPAddressVersion"}, {"primary", "primary"}};
        for (String[] mm : members) {
          JsonNode v = i.value(path(base, mm[0]));
          if (mm[0].equals("primary") && ResourceInput.isUnknown(v)) {
            continue; // the provider makes the first configuration primary
          }
          if (!v.isMissingNode() && !(v.isTextual() && v.textValue().isEmpty() && !mm[0].equals("private_ip_address"))) {
            Form.put(cp, mm[1], v);
            f.origin(p + mm[1], attr(path(base, mm[0])));
          }
        }
        out.add(c);
      }
      f.set("properties.ipConfigurations", out, "ip_configuration");
    } else {
      f.set("properties.ipConfigurations", configs, "ip_configuration");
    }
    f.set("properties.enableIPForwarding", first(i.value("ip_forwarding_enabled"), i.value("enable_ip_forwarding")), i.value("ip_forwarding_enabled").isMissingNode() ? "enable_ip_forwarding" : "ip_forwarding_enabled");
    JsonNode dns = i.value("dns_servers");
    if (!(dns.isArray() && dns.isEmpty())) {
      f.set("properties.dnsSettings.dnsServers", dns, "dns_servers");
    }
  }
}
