package dev.pgreach.privatelink.terraform;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.NetworkInterface;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PrivateEndpointNetworkPolicies;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.Subnet;
import dev.pgreach.core.VirtualNetwork;
import dev.pgreach.dns.PrivateDnsZone;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.Companion;
import org.junit.jupiter.api.Test;

/**
 * A state written by hand in the documented {@code terraform show -json} format (format 1.0), with
 * nested child modules and the spellings of older azurerm versions: inline subnets of a virtual
 * network ({@code address_prefix}, {@code security_group}), both older spellings of a subnet's
 * private endpoint network policies, a security rule, a route and associations on their own, and
 * private DNS records.
 */
class TerraformStateTest {
  static final String S = "/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/net/providers/";

  static String state(String vnetExtra, String serverStart) {
    return """
        {"format_version": "1.0", "terraform_version": "1.5.7", "values": {"outputs": {}, "root_module": {
          "resources": [
            {"address": "azurerm_postgresql_flexible_server_firewall_rule.office", "mode": "managed", "type": "azurerm_postgresql_flexible_server_firewall_rule", "name": "office",
             "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pay-db/firewallRules/office",
                        "name": "office", "server_id": "/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/pay-db",
                        "start_ip_address": "%s", "end_ip_address": "203.0.113.9", "timeouts": null},
             "sensitive_values": {"start_ip_address": true}}
          ],
          "child_modules": [{"address": "module.net", "resources": [
            {"address": "module.net.azurerm_virtual_network.hub", "mode": "managed", "type": "azurerm_virtual_network", "name": "hub", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/virtualNetworks/hub", "name": "hub", "resource_group_name": "net", "location": "West Europe", "address_space": ["10.30.0.0/16"], "dns_servers": [],
                        "subnet": [{"id": "%sMicrosoft.Network/virtualNetworks/hub/subnets/inline", "name": "inline", "address_prefix": "10.30.9.0/24", "security_group": "%sMicrosoft.Network/networkSecurityGroups/edge"}%s]},
             "sensitive_values": {"address_space": [false], "dns_servers": [], "subnet": [{}]}},
            {"address": "module.net.azurerm_subnet.legacy", "mode": "managed", "type": "azurerm_subnet", "name": "legacy", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/virtualNetworks/hub/subnets/legacy", "name": "legacy", "resource_group_name": "net", "virtual_network_name": "hub", "address_prefixes": ["10.30.1.0/24"],
                        "delegation": [], "enforce_private_link_endpoint_network_policies": true, "enforce_private_link_service_network_policies": false}, "sensitive_values": {}},
            {"address": "module.net.azurerm_subnet.v3[0]", "mode": "managed", "type": "azurerm_subnet", "name": "v3", "index": 0, "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/virtualNetworks/hub/subnets/v3", "name": "v3", "resource_group_name": "net", "virtual_network_name": "hub", "address_prefixes": ["10.30.2.0/24"],
                        "delegation": [], "private_endpoint_network_policies_enabled": true, "enforce_private_link_endpoint_network_policies": false}, "sensitive_values": {}},
            {"address": "module.net.azurerm_network_security_group.edge", "mode": "managed", "type": "azurerm_network_security_group", "name": "edge", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/networkSecurityGroups/edge", "name": "edge", "resource_group_name": "net", "location": "westeurope", "security_rule": null}, "sensitive_values": {}},
            {"address": "module.net.azurerm_network_security_rule.deny_pg", "mode": "managed", "type": "azurerm_network_security_rule", "name": "deny_pg", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/networkSecurityGroups/edge/securityRules/deny-pg", "name": "deny-pg", "resource_group_name": "net", "network_security_group_name": "edge",
                        "priority": 100, "direction": "Inbound", "access": "Deny", "protocol": "Tcp", "source_port_range": "*", "source_port_ranges": null, "destination_port_range": "5432", "destination_port_ranges": null,
                        "source_address_prefix": "Internet", "source_address_prefixes": null, "destination_address_prefix": "*", "destination_address_prefixes": null,
                        "source_application_security_group_ids": null, "destination_application_security_group_ids": null, "description": null}, "sensitive_values": {}},
            {"address": "module.net.azurerm_route_table.egress", "mode": "managed", "type": "azurerm_route_table", "name": "egress", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/routeTables/egress", "name": "egress", "resource_group_name": "net", "location": "westeurope", "route": null, "disable_bgp_route_propagation": false}, "sensitive_values": {}},
            {"address": "module.net.azurerm_route.to_firewall", "mode": "managed", "type": "azurerm_route", "name": "to_firewall", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/routeTables/egress/routes/default", "name": "default", "resource_group_name": "net", "route_table_name": "egress",
                        "address_prefix": "0.0.0.0/0", "next_hop_type": "VirtualAppliance", "next_hop_in_ip_address": "10.30.9.4"}, "sensitive_values": {}},
            {"address": "module.net.azurerm_subnet_route_table_association.legacy", "mode": "managed", "type": "azurerm_subnet_route_table_association", "name": "legacy", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/virtualNetworks/hub/subnets/legacy", "subnet_id": "%sMicrosoft.Network/virtualNetworks/hub/subnets/legacy", "route_table_id": "%sMicrosoft.Network/routeTables/egress"}, "sensitive_values": {}},
            {"address": "module.net.azurerm_network_interface.vm", "mode": "managed", "type": "azurerm_network_interface", "name": "vm", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/networkInterfaces/vm-nic", "name": "vm-nic", "resource_group_name": "net", "location": "westeurope", "enable_ip_forwarding": false, "dns_servers": [],
                        "ip_configuration": [{"name": "internal", "subnet_id": "%sMicrosoft.Network/virtualNetworks/hub/subnets/v3", "private_ip_address": "10.30.2.4", "private_ip_address_allocation": "Dynamic",
                                              "private_ip_address_version": "IPv4", "primary": true, "public_ip_address_id": ""}]}, "sensitive_values": {}},
            {"address": "module.net.azurerm_network_interface_security_group_association.vm", "mode": "managed", "type": "azurerm_network_interface_security_group_association", "name": "vm", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/networkInterfaces/vm-nic|edge", "network_interface_id": "%sMicrosoft.Network/networkInterfaces/vm-nic", "network_security_group_id": "%sMicrosoft.Network/networkSecurityGroups/edge"}, "sensitive_values": {}}
          ],
          "child_modules": [{"address": "module.net.module.dns", "resources": [
            {"address": "module.net.module.dns.azurerm_private_dns_zone.pg", "mode": "managed", "type": "azurerm_private_dns_zone", "name": "pg", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/privateDnsZones/privatelink.postgres.database.azure.com", "name": "privatelink.postgres.database.azure.com", "resource_group_name": "net"}, "sensitive_values": {}},
            {"address": "module.net.module.dns.azurerm_private_dns_a_record.pay[\\"pay-db\\"]", "mode": "managed", "type": "azurerm_private_dns_a_record", "name": "pay", "index": "pay-db", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/privateDnsZones/privatelink.postgres.database.azure.com/A/pay-db", "name": "pay-db", "zone_name": "privatelink.postgres.database.azure.com", "resource_group_name": "net", "ttl": 300, "records": ["10.30.2.10"]}, "sensitive_values": {}},
            {"address": "module.net.module.dns.azurerm_private_dns_cname_record.alias", "mode": "managed", "type": "azurerm_private_dns_cname_record", "name": "alias", "provider_name": "registry.terraform.io/hashicorp/azurerm", "schema_version": 0,
             "values": {"id": "%sMicrosoft.Network/privateDnsZones/privatelink.postgres.database.azure.com/CNAME/payments", "name": "payments", "zone_name": "privatelink.postgres.database.azure.com", "resource_group_name": "net", "ttl": 300, "record": "pay-db.privatelink.postgres.database.azure.com"}, "sensitive_values": {}}
          ]}]}]}}}
        """.formatted(serverStart, S, S, S, vnetExtra, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S, S);
  }

  static final String STATE = state("", "203.0.113.1");

  @Test
  void nestedChildModules_andInlineSubnets_areRead() {
    TerraformImport read = TerraformImport.readState(STATE, Companion.empty());
    VirtualNetwork hub = read.estate().network().virtualNetworks().get(0);
    assertEquals("westeurope", hub.region().name());
    Subnet inline = hub.subnet("inline").orElseThrow();
    assertEquals("10.30.9.0/24", inline.addressPrefix().toString());
    assertEquals("edge", inline.networkSecurityGroup().orElseThrow().name());
    assertEquals(3, hub.subnets().size());
    assertTrue(read.addresses().containsKey("module.net.module.dns.azurerm_private_dns_a_record.pay[\"pay-db\"]"));
  }

  @Test
  void bothOlderSpellingsOfEndpointPolicies_areRead_theOldestInverted() {
    Estate e = TerraformImport.readState(STATE, Companion.empty()).estate();
    VirtualNetwork hub = e.network().virtualNetworks().get(0);
    assertEquals(PrivateEndpointNetworkPolicies.DISABLED, hub.subnet("legacy").orElseThrow().privateEndpointNetworkPolicies());
    assertEquals(PrivateEndpointNetworkPolicies.ENABLED, hub.subnet("v3").orElseThrow().privateEndpointNetworkPolicies());
  }

  @Test
  void rulesRoutesAndAssociationsOnTheirOwn_landOnTheirOwners() {
    Estate e = TerraformImport.readState(STATE, Companion.empty()).estate();
    NetworkSecurityGroup edge = e.networkSecurityGroups().get(0);
    assertEquals("deny-pg", edge.securityRules().get(0).name());
    Subnet legacy = e.network().virtualNetworks().get(0).subnet("legacy").orElseThrow();
    assertEquals("egress", legacy.routeTable().orElseThrow().name());
    assertEquals("10.30.9.4", e.network().routeTables().get(0).routes().get(0).nextHopIpAddress().orElseThrow().toString());
    NetworkInterface nic = e.network().networkInterfaces().get(0);
    assertEquals("edge", nic.networkSecurityGroup().orElseThrow().name());
  }

  @Test
  void privateDnsRecords_areRead() {
    PrivateDnsZone zone = TerraformImport.readState(STATE, Companion.empty()).estate().privateDnsZones().get(0);
    assertEquals(2, zone.records().size(), zone::toString);
  }

  @Test
  void aSensitiveValue_isUnknownAndNeverPrinted() {
    TerraformImport read = TerraformImport.readState(state("", "198.51.100.77"), Companion.empty());
    assertFalse((read.notes() + read.estate().toString()).contains("198.51.100.77"));
    assertTrue(read.estate().network().coverage().outsideInput().keySet().stream().anyMatch(id -> id.name().equals("office")), read.notes()::toString);
  }

  @Test
  void aSubnetListedTwice_theStandaloneOneWins() {
    String twice = state(", {\"id\": \"" + S + "Microsoft.Network/virtualNetworks/hub/subnets/legacy\", \"name\": \"legacy\", \"address_prefix\": \"10.30.1.0/24\", \"security_group\": \"\"}", "203.0.113.1");
    Subnet legacy = TerraformImport.readState(twice, Companion.empty()).estate().network().virtualNetworks().get(0)
        .subnet("legacy").orElseThrow();
    assertEquals("egress", legacy.routeTable().orElseThrow().name());
  }

  @Test
  void aSubnetsGroupTheNetworkShows_isReadWhenNoAssociationGivesOne() {
    String shown = state(", {\"id\": \"" + S + "Microsoft.Network/virtualNetworks/hub/subnets/v3\", \"name\": \"v3\", \"address_prefix\": \"10.30.2.0/24\", \"security_group\": \"" + S
        + "Microsoft.Network/networkSecurityGroups/edge\"}", "203.0.113.1");
    Subnet v3 = TerraformImport.readState(shown, Companion.empty()).estate().network().virtualNetworks().get(0).subnet("v3").orElseThrow();
    assertEquals("edge", v3.networkSecurityGroup().orElseThrow().name());
    assertTrue(TerraformImport.readState(STATE, Companion.empty()).estate().network().virtualNetworks().get(0).subnet("v3").orElseThrow().networkSecurityGroup().isEmpty());
  }

  // ------------------------------------------------------------------ errors

  @Test
  void aBadValue_namesTheAddressTheAttributeAndTheValue_everyProblemAtOnce() {
    String bad = state("", "203.0.113.1")
        .replace("\"address_prefixes\": [\"10.30.1.0/24\"]", "\"address_prefixes\": [\"10.30.1.0/33\"]")
        .replace("\"next_hop_in_ip_address\": \"10.30.9.4\"", "\"next_hop_in_ip_address\": \"10.30.9.400\"");
    PgreachException e = assertThrows(PgreachException.class, () -> TerraformImport.readState(bad, Companion.empty()));
    assertEquals(2, e.problems().size(), e::getMessage);
    assertTrue(e.problems().stream().anyMatch(p -> p.getMessage().startsWith("module.net.azurerm_subnet.legacy.address_prefixes[0] (\"10.30.1.0/33\")")), e::getMessage);
    assertTrue(e.problems().stream().anyMatch(p -> p.getMessage().startsWith("module.net.azurerm_route.to_firewall.next_hop_in_ip_address (\"10.30.9.400\")")), e::getMessage);
  }

  @Test
  void aServerInAModuleInstance_namesItsAttribute() {
    String doc = """
        {"format_version": "1.0", "values": {"root_module": {"child_modules": [{"address": "module.db", "resources": [
          {"address": "module.db.azurerm_postgresql_flexible_server.main[0]", "mode": "managed", "type": "azurerm_postgresql_flexible_server", "name": "main", "index": 0,
           "values": {"id": "/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/data/providers/Microsoft.DBforPostgreSQL/flexibleServers/main-db",
                      "name": "main-db", "resource_group_name": "data", "location": "westeurope", "sku_name": "GP_Standard_D2ds_v5", "version": "16",
                      "delegated_subnet_id": "/subscriptions/22222222-3333-4444-5555-666666666666/resourceGroups/net/providers/Microsoft.Network/virtualNetworks/hub",
                      "private_dns_zone_id": null, "public_network_access_enabled": false, "high_availability": [], "create_mode": null, "source_server_id": null,
                      "administrator_password": "s3cret-Never"},
           "sensitive_values": {"administrator_password": true}}]}]}}}
        """;
    PgreachException e = assertThrows(PgreachException.class, () -> TerraformImport.readState(doc, Companion.empty()));
    assertTrue(e.getMessage().startsWith("module.db.azurerm_postgresql_flexible_server.main[0].delegated_subnet_id (\"/subscriptions/"), e::getMessage);
    assertTrue(e.getMessage().contains("virtualNetworks"), e::getMessage);
    assertFalse(e.getMessage().contains("s3cret"));
    PgreachException sku = assertThrows(PgreachException.class, () -> TerraformImport.readState(doc.replace("GP_Standard", "XL_Standard"), Companion.empty()));
    assertTrue(sku.problems().stream().anyMatch(p -> p.getMessage().startsWith("module.db.azurerm_postgresql_flexible_server.main[0].sku_name (\"XL_Standard_D2ds_v5\")")), sku::getMessage);
  }

  @Test
  void documentsPgreachDoesNotRead_areClearErrors() {
    assertEquals(ErrorCode.INVALID_INPUT, assertThrows(PgreachException.class, () -> TerraformImport.readState("{\"format_version\": \"2.0\"}", Companion.empty())).code());
    assertTrue(assertThrows(PgreachException.class, () -> TerraformImport.readState("{\"format_version\": \"2.0\"}", Companion.empty())).getMessage().startsWith("$.format_version (\"2.0\")"));
    assertTrue(assertThrows(PgreachException.class, () -> TerraformImport.readState("{\"values\": {}}", Companion.empty())).getMessage().startsWith("$.format_version (missing)"));
    assertTrue(assertThrows(PgreachException.class, () -> TerraformImport.readPlan(STATE, Companion.empty())).getMessage().startsWith("$: is a state"));
    assertEquals(ErrorCode.INVALID_INPUT, assertThrows(PgreachException.class, () -> TerraformImport.readState("{\"format_version\": ", Companion.empty())).code());
    assertTrue(assertThrows(PgreachException.class, () -> TerraformImport.readPlan("{\"format_version\": \"1.2\", \"planned_values\": {\"root_module\": {\"resources\": [{}]}}}", Companion.empty()))
        .getMessage().startsWith("$.resource_changes (missing)"));
    PgreachException shapes = assertThrows(PgreachException.class,
        () -> TerraformImport.readPlan("{\"format_version\": \"1.2\", \"resource_changes\": [{\"address\": \"a.b\"}, {\"type\": \"azurerm_subnet\", \"name\": \"x\", \"address\": \"azurerm_subnet.x\", \"change\": {\"actions\": []}}]}", Companion.empty()));
    assertEquals(4, shapes.problems().size(), shapes::getMessage);
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, assertThrows(PgreachException.class, () -> TerraformImport.readState(null, Companion.empty())).code());
  }

  @Test
  void aPlanWithNoResources_isTwoEmptyEstates() {
    TerraformPlan plan = TerraformImport.readPlan("{\"format_version\": \"1.2\", \"terraform_version\": \"1.9.8\", \"resource_changes\": []}", Companion.empty());
    assertEquals(plan.before().estate(), plan.after().estate());
    assertTrue(plan.actions().isEmpty());
  }
}
