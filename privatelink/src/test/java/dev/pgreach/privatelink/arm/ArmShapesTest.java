package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ResourceId;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * One estate written in every shape users have it in (the documents under {@code shapes/}): each
 * shape gives the canonical resources the REST bodies are, and the same estate.
 */
class ArmShapesTest {
  /** The REST bodies of the estate and of the children they list inline, by id in lower case. */
  private static final Map<String, JsonNode> REST = withInlineChildren(Shapes.byId(Shapes.shape("rest-resources.json")));

  /** Every {@code az} output of the estate; together they hold all of it but the virtual machine. */
  private static final String[] AZ = {
    "az-postgres-flexible-server-list.json", "az-postgres-flexible-server-firewall-rule-list.json", "az-postgres-flexible-server-parameter-list.json",
    "az-network-vnet-show.json", "az-network-nsg-show.json", "az-network-route-table-show.json", "az-network-nic-show.json", "az-network-public-ip-show.json",
    "az-network-private-endpoint-show.json", "az-network-private-endpoint-dns-zone-group-show.json", "az-network-private-dns-zone-list.json",
    "az-network-private-dns-link-vnet-list.json", "az-network-private-dns-link-vnet-list.ledger.json", "az-network-private-dns-record-set-a-list.json",
    "az-network-vnet-gateway-show.json", "az-network-local-gateway-show.json", "az-network-vpn-connection-show.json"
  };

  static Stream<String> azOutputs() {
    return Stream.concat(Stream.of(AZ), Stream.of("az-postgres-flexible-server-show.json", "az-network-vnet-subnet-list.json", "az-network-vnet-create.json"));
  }

  // ------------------------------------------------------------------ the same estate in every shape

  @Test
  void readDocuments_everyAzOutputTogether_sameEstateAsTheRestBodies() {
    ArmImport rest = ArmImport.read(Shapes.text("rest-resources.json"));
    ArmImport az = ArmImport.readDocuments(Shapes.documents(AZ), Companion.empty());
    assertEquals(Shapes.estate(rest), Shapes.estate(az));
    assertEquals(22, az.resourceCount());
  }

  @Test
  void readDocuments_resourceGraphWithTheChildListsItLacks_sameEstate() {
    ArmImport graph =
        ArmImport.readDocuments(
            Shapes.documents(
                "resource-graph-az-graph-query.json", "az-postgres-flexible-server-firewall-rule-list.json", "az-postgres-flexible-server-parameter-list.json",
                "rest-list-record-sets.json", "az-network-private-endpoint-dns-zone-group-show.json"),
            Companion.empty());
    assertEquals(Shapes.estate(ArmImport.read(Shapes.text("rest-resources.json"))), Shapes.estate(graph));
    assertEquals(Map.of("microsoft.compute/virtualmachines", 1, "Microsoft.Network/privateDnsZones/SOA", 1), graph.skippedTypes());
  }

  @Test
  void read_powerShellExportWithNestedChildren_sameEstateEveryChildRead() {
    ArmImport ps = ArmImport.read(Shapes.text("powershell-get-azresource.json"));
    ArmImport rest = ArmImport.read(Shapes.text("rest-resources.json"));
    assertEquals(Shapes.estate(rest), Shapes.estate(ps));
    assertEquals(rest.resourceCount(), ps.resourceCount());
    assertEquals(rest.skippedTypes(), ps.skippedTypes(), "the nested SOA record set is counted, not ignored");
  }

  @Test
  void readDocuments_restPagesAndSingleBodies_sameEstateAsTheList() {
    ArmImport pieces =
        ArmImport.readDocuments(
            Shapes.documents("rest-resources.json", "rest-list-firewall-rules.page-1.json", "rest-list-firewall-rules.page-2.json", "rest-get-server.json",
                "rest-list-private-endpoint-connections.json"),
            Companion.empty());
    assertEquals(Shapes.estate(ArmImport.read(Shapes.text("rest-resources.json"))), Shapes.estate(pieces));
  }

  @ParameterizedTest
  @MethodSource("azOutputs")
  void shape_azOutput_holdsEveryMemberOfTheRestBodies(String document) {
    ShapedInput in = Shapes.shape(document);
    assertTrue(in.problems().isEmpty(), in.problems()::toString);
    assertFalse(in.resources().isEmpty());
    for (ShapedResource r : in.resources()) {
      assertEquals(ResourceForm.FLATTENED, r.form(), r.path());
      JsonNode rest = REST.get(r.id().orElseThrow().toLowerCase(Locale.ROOT));
      assertContains(rest, r.resource(), r.path());
      assertFalse(r.resource().toString().contains("\"resourceGroup\""), "the command line's resourceGroup is dropped: " + r.resource());
      assertFalse(r.resource().toString().contains(":null"), "nulls are what the service did not return: " + r.resource());
    }
  }

  @Test
  void shape_powerShellExport_holdsEveryMemberOfTheRestBodies() {
    ShapedInput in = Shapes.shape("powershell-get-azresource.json");
    assertTrue(in.problems().isEmpty(), in.problems()::toString);
    assertTrue(Shapes.byId(in).keySet().containsAll(Shapes.byId(Shapes.shape("rest-resources.json")).keySet()), "every nested child is a resource");
    for (ShapedResource r : in.resources()) {
      assertEquals(ResourceForm.POWERSHELL, r.form());
      assertContains(withoutUnlisted(REST.get(r.id().orElseThrow().toLowerCase(Locale.ROOT))), r.resource(), r.path());
    }
  }

  @Test
  void shape_resourceGraphRows_holdEveryMemberOfTheRestBodiesWithAzuresTypes() {
    ShapedInput in = Shapes.shape("resource-graph-az-graph-query.json");
    assertTrue(in.problems().isEmpty(), in.problems()::toString);
    for (ShapedResource r : in.resources()) {
      JsonNode rest = REST.get(r.id().orElseThrow().toLowerCase(Locale.ROOT));
      if (r.type().orElseThrow().equals("microsoft.compute/virtualmachines")) {
        continue;
      }
      assertEquals(rest.get("type").textValue(), r.type().orElseThrow(), "Resource Graph's lower-case type in Azure's spelling");
      assertContains(withoutUnlisted(rest), r.resource(), r.path());
      for (String added : new String[] {"tenantId", "subscriptionId", "resourceGroup"}) {
        assertFalse(r.resource().has(added), added);
      }
    }
    assertEquals(Shapes.ORDERS, Shapes.resource(in, Shapes.ORDERS).id().orElseThrow(), "a lower-case id gets Azure's spelling of its fixed segments and types");
    assertEquals(List.of(new DocumentShape("", ArmShape.RESOURCE_GRAPH, "$.data", 16, Optional.empty())), in.documents());
    assertEquals("microsoft.compute/virtualmachines", Shapes.resource(in, Shapes.SUB + "Microsoft.Compute/virtualMachines/vm-app").type().orElseThrow(), "types pgreach does not read pass unchanged");
  }

  // ------------------------------------------------------------------ flattened az output

  @Test
  void read_flattenedServerWithPublicAccessDisabled_isDisabled() {
    String az =
        "[{\"administratorLogin\": null, \"id\": \"" + Shapes.ORDERS + "\", \"location\": \"westeurope\", \"name\": \"orders-pg\","
            + " \"network\": {\"delegatedSubnetResourceId\": null, \"privateDnsZoneArmResourceId\": null, \"publicNetworkAccess\": \"Disabled\"},"
            + " \"resourceGroup\": \"rg-orders\", \"sku\": {\"name\": \"Standard_B1ms\", \"tier\": \"Burstable\"}, \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\", \"version\": \"16\"}]";
    FlexibleServer s = ArmImport.read(az).estate().network().flexibleServers().get(0);
    assertEquals(PublicNetworkAccess.DISABLED, s.publicNetworkAccess());
  }

  @Test
  void shape_azServerList_nullsAreRecordedNotInvented() {
    ShapedResource orders = Shapes.resource(Shapes.shape("az-postgres-flexible-server-list.json"), Shapes.ORDERS);
    assertTrue(orders.nullMembers().containsAll(List.of("createMode", "sourceServerResourceId", "pointInTimeUtc", "administratorLoginPassword")), orders.nullMembers()::toString);
    assertTrue(orders.shownMembers().containsAll(List.of("network", "privateEndpointConnections", "version")), orders.shownMembers()::toString);
    assertFalse(orders.resource().get("properties").get("network").has("delegatedSubnetResourceId"));
    assertEquals(Optional.empty(), orders.propertiesMissing());
    assertEquals("$[0].network.publicNetworkAccess", orders.sourcePath(".properties.network.publicNetworkAccess"));
    assertEquals("$[0].privateEndpointConnections[0].privateLinkServiceConnectionState", orders.sourcePath(".properties.privateEndpointConnections[0].properties.privateLinkServiceConnectionState"));
    assertEquals("$[0].sku.tier", orders.sourcePath(".sku.tier"));
  }

  @Test
  void shape_oldCommandLineSpellings_becomeAzuresMemberNames() {
    JsonNode nic = Shapes.resource(Shapes.shape("az-network-nic-show.json"), Shapes.SUB + "Microsoft.Network/networkInterfaces/nic-app-vm").resource();
    JsonNode config = nic.get("properties").get("ipConfigurations").get(0).get("properties");
    assertEquals("10.20.1.4", config.get("privateIPAddress").textValue());
    assertTrue(config.has("publicIPAddress"));
    assertTrue(nic.get("properties").has("enableIPForwarding"));
    ShapedResource shaped = Shapes.resource(Shapes.shape("az-network-nic-show.json"), Shapes.SUB + "Microsoft.Network/networkInterfaces/nic-app-vm");
    assertEquals("$.ipConfigurations[0].privateIpAddress", shaped.sourcePath(".properties.ipConfigurations[0].properties.privateIPAddress"));
  }

  @Test
  void shape_azGateway_skuIsAProperty() {
    JsonNode gw = Shapes.resource(Shapes.shape("az-network-vnet-gateway-show.json"), Shapes.SUB + "Microsoft.Network/virtualNetworkGateways/vgw-orders").resource();
    assertFalse(gw.has("sku"));
    assertEquals("VpnGw1", gw.get("properties").get("sku").get("name").textValue());
  }

  @Test
  void read_flattenedMistake_namesTheMemberTheInputWrote() {
    String az = Shapes.text("az-postgres-flexible-server-list.json").replace("\"publicNetworkAccess\": \"Enabled\"", "\"publicNetworkAccess\": \"Sometimes\"");
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(az));
    assertTrue(e.getMessage().startsWith("$[0].network.publicNetworkAccess (\"Sometimes\"): must be one of Enabled, Disabled"), e.getMessage());
  }

  @Test
  void read_restTableReferenceOutsideTheInput_namesTheRowAndColumn() {
    ArmImport read = ArmImport.read(Shapes.text("resource-graph-rest-table.json"));
    assertTrue(
        read.estate().coverage().outsideInput().values().stream().anyMatch(d -> d.contains("$.data.rows[1][5].network.delegatedSubnetResourceId")),
        read.estate().coverage().outsideInput()::toString);
  }

  @Test
  void shape_azSubnetList_isTheWholeCollectionOfItsNetwork() {
    ShapedInput in = Shapes.shape("az-network-vnet-subnet-list.json");
    ChildList list = in.childLists().get(0);
    assertEquals(ResourceId.parse(Shapes.VNET), list.parent());
    assertEquals("Microsoft.Network/virtualNetworks/subnets", list.childType());
    assertEquals(ChildList.Completeness.COMPLETE, list.completeness());
    assertEquals(4, list.children().size());
    assertEquals("Microsoft.DBforPostgreSQL/flexibleServers", Shapes.resource(in, Shapes.VNET + "/subnets/snet-db").resource().get("properties").get("delegations").get(0).get("properties").get("serviceName").textValue());
  }

  @Test
  void shape_azCreateOutput_theWrappedResource() {
    ShapedInput in = Shapes.shape("az-network-vnet-create.json");
    assertEquals(List.of(new DocumentShape("", ArmShape.WRAPPED_RESOURCE, "$.newVNet", 1, Optional.empty())), in.documents());
    assertEquals("$.newVNet.subnets[2].delegations[0].serviceName", in.resources().get(0).sourcePath(".properties.subnets[2].properties.delegations[0].properties.serviceName"));
  }

  // ------------------------------------------------------------------ REST lists and bodies

  @Test
  void shape_restGetBody_isItsOwnCanonicalForm() {
    ShapedInput in = Shapes.shape("rest-get-server.json");
    assertEquals(List.of(new DocumentShape("", ArmShape.RESOURCE, "$", 1, Optional.empty())), in.documents());
    assertEquals(Shapes.json(Shapes.text("rest-get-server.json")), in.resources().get(0).resource());
    assertEquals(ResourceForm.REST, in.resources().get(0).form());
  }

  @Test
  void shape_restListPage_isOnePageOfItsServersRules() {
    ShapedInput in = Shapes.shape("rest-list-firewall-rules.page-1.json");
    ChildList list = in.childLists().get(0);
    assertEquals(ResourceId.parse(Shapes.ORDERS), list.parent());
    assertEquals("Microsoft.DBforPostgreSQL/flexibleServers/firewallRules", list.childType());
    assertEquals(ChildList.Completeness.PAGE, list.completeness());
    assertEquals("$.value", list.path());
    assertTrue(list.continuation().orElseThrow().contains("$skiptoken="));
    assertTrue(in.notes().get(0).startsWith("$.nextLink (\"https://management.azure.com/"), in.notes()::toString);
    assertTrue(in.notes().get(0).endsWith("the list is one page of more; the resources of the other pages are not in the input"));
    assertEquals(in.childLists().get(0).continuation(), in.documents().get(0).continuation());
  }

  @Test
  void shape_restListPagesInOrder_areTheWholeCollection() {
    ShapedInput in = Shapes.shape("rest-list-firewall-rules.pages.json");
    assertEquals(ArmShape.REST_LIST_PAGES, in.documents().get(0).shape());
    assertEquals(2, in.resources().size());
    assertEquals(ChildList.Completeness.COMPLETE, in.childLists().get(0).completeness());
    assertTrue(in.holdsWholeCollection(ResourceId.parse(Shapes.ORDERS), "microsoft.dbforpostgresql/flexibleservers/firewallrules"));
    assertEquals("$[1].value[0]", in.resources().get(1).path());
  }

  @Test
  void shape_pagesAsDocuments_theLastPageMakesTheCollectionWhole() {
    ShapedInput first = ArmShapes.shape(Shapes.documents("rest-list-firewall-rules.page-1.json"));
    assertFalse(first.holdsWholeCollection(ResourceId.parse(Shapes.ORDERS), "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"));
    ShapedInput both = ArmShapes.shape(Shapes.documents("rest-list-firewall-rules.page-1.json", "rest-list-firewall-rules.page-2.json"));
    assertTrue(both.holdsWholeCollection(ResourceId.parse(Shapes.ORDERS), "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules"));
    assertEquals(List.of("rest-list-firewall-rules.page-1.json $.value[0]", "rest-list-firewall-rules.page-2.json $.value[0]"), both.resources().stream().map(ShapedResource::path).toList());
  }

  @Test
  void shape_recordSetsOfEveryType_oneChildListPerType() {
    ShapedInput in = Shapes.shape("rest-list-record-sets.json");
    assertEquals(List.of("Microsoft.Network/privateDnsZones/A", "Microsoft.Network/privateDnsZones/SOA"), in.childLists().stream().map(ChildList::childType).toList());
    assertTrue(in.childLists().stream().allMatch(c -> c.completeness() == ChildList.Completeness.COMPLETE));
  }

  @Test
  void shape_privateEndpointConnectionList_joinsItsServer() {
    ShapedInput alone = Shapes.shape("rest-list-private-endpoint-connections.json");
    assertEquals(ArmTypes.PRIVATE_ENDPOINT_CONNECTION, alone.childLists().get(0).childType());
    assertEquals(1, alone.resources().size(), "without its server the list stays as it is (counted as skipped)");
    ShapedInput with = ArmShapes.shape(Shapes.documents("rest-list-private-endpoint-connections.json", "az-postgres-flexible-server-list.json"));
    assertEquals(2, with.resources().size(), "the two servers; the connection is in its server's list");
    ShapedResource orders = Shapes.resource(with, Shapes.ORDERS);
    JsonNode connections = orders.resource().get("properties").get("privateEndpointConnections");
    assertEquals(1, connections.size(), "the same connection, merged");
    assertEquals("Approved", connections.get(0).get("properties").get("privateLinkServiceConnectionState").get("status").textValue());
    assertEquals(List.of("rest-list-private-endpoint-connections.json $.value[0]", "az-postgres-flexible-server-list.json $[0]"), orders.sources());
    assertEquals("az-postgres-flexible-server-list.json $[0].privateEndpointConnections[0].groupIds", orders.sourcePath(".properties.privateEndpointConnections[0].properties.groupIds"));
  }

  @Test
  void read_restBodyWithoutType_takesItFromTheId() {
    String group = "[{\"name\": \"default\", \"id\": \"" + Shapes.SUB + "Microsoft.Network/privateLinkServices/pls/privateDnsZoneGroups/default\", \"properties\": {}}]";
    ArmImport read = ArmImport.read(group);
    assertEquals(Map.of("Microsoft.Network/privateLinkServices/privateDnsZoneGroups", 1), read.skippedTypes(), "another type, counted by the type its id names");
    JsonNode endpointGroup = Shapes.resource(Shapes.shape("az-network-private-endpoint-dns-zone-group-show.json"), Shapes.SUB + "Microsoft.Network/privateEndpoints/pe-orders/privateDnsZoneGroups/default").resource();
    assertEquals("Microsoft.Network/privateEndpoints/privateDnsZoneGroups", endpointGroup.get("type").textValue());
  }

  // ------------------------------------------------------------------ Resource Graph, PowerShell, az resource list

  @Test
  void shape_resourceGraphTable_rowsByColumnWithTheSkipToken() {
    ShapedInput in = Shapes.shape("resource-graph-rest-table.json");
    DocumentShape d = in.documents().get(0);
    assertEquals(ArmShape.RESOURCE_GRAPH_TABLE, d.shape());
    assertEquals(2, d.resourceCount());
    assertTrue(d.continuation().orElseThrow().startsWith("ew0K"));
    assertTrue(in.notes().get(0).startsWith("$.$skipToken (\"ew0K"), in.notes()::toString);
    assertEquals(REST.get(Shapes.LEDGER.toLowerCase(Locale.ROOT)).get("properties"), Shapes.resource(in, Shapes.LEDGER).resource().get("properties"));
  }

  @Test
  void shape_powerShellChildren_idsFromTheirParentAndAnUnknownCollection() {
    ShapedInput in = Shapes.shape("powershell-get-azresource.json");
    ShapedResource office = Shapes.resource(in, Shapes.ORDERS + "/firewallRules/office");
    assertEquals("$[5].resources[0]", office.path());
    assertEquals("$[5].resources[0].Properties.endIpAddress", office.sourcePath(".properties.endIpAddress"));
    ChildList rules = in.childLists(ResourceId.parse(Shapes.ORDERS), "Microsoft.DBforPostgreSQL/flexibleServers/firewallRules").get(0);
    assertEquals(ChildList.Completeness.UNKNOWN, rules.completeness(), "an export says nothing of children it did not nest");
    assertEquals("$[5].resources", rules.path());
    ShapedResource orders = Shapes.resource(in, Shapes.ORDERS);
    assertEquals("GeneralPurpose", orders.resource().get("sku").get("tier").textValue());
    assertEquals("$[5].Sku.Tier", orders.sourcePath(".sku.tier"));
    assertEquals("$[5].ResourceId", orders.sourcePath(".id"));
  }

  @Test
  void shape_azResourceList_propertiesNullIsUnknownWithANote() {
    ShapedInput in = Shapes.shape("az-resource-list.json");
    List<ShapedResource> modelled = in.resources().stream().filter(r -> !r.type().orElseThrow().startsWith("Microsoft.Compute")).toList();
    assertEquals(15, modelled.size());
    for (ShapedResource r : modelled) {
      assertEquals(Optional.of("properties is null"), r.propertiesMissing(), r.path());
      assertFalse(r.resource().has("properties"), "nothing is invented for unknown settings");
      assertFalse(r.resource().has("provisioningState") && r.resource().has("changedTime"));
    }
    assertEquals(15, in.notes().size());
    assertEquals("$[0].properties (null): properties is null, so the settings of Microsoft.Network/virtualNetworks vnet-orders are not known", in.notes().get(0));
  }

  // ------------------------------------------------------------------ controls

  @ParameterizedTest
  @ValueSource(strings = {"deployment-parameters.json", "rest-api-example.json"})
  void read_documentThatHoldsNoResources_refusedNamingWhy(String document) {
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(Shapes.text(document)));
    assertEquals(ErrorCode.INVALID_INPUT, e.code());
    String expected =
        document.startsWith("deployment")
            ? "$.$schema (\"https://schema.management.azure.com/schemas/2019-04-01/deploymentParameters.json#\"): is an ARM deployment parameters file"
            : "$.responses (an object): is a REST API example (a request's parameters and its responses), not a response; give a response body, such as $.responses['200'].body";
    assertTrue(e.getMessage().startsWith(expected), e.getMessage());
  }

  @Test
  void isTemplate_templatesAndResourcesWithChildren() {
    assertTrue(ArmShapes.isTemplate(Shapes.json("{\"resources\": []}")));
    assertTrue(ArmShapes.isTemplate(Shapes.json("{\"$schema\": \"https://schema.management.azure.com/schemas/2019-04-01/deploymentTemplate.json#\"}")));
    assertFalse(ArmShapes.isTemplate(Shapes.json("{\"ResourceId\": \"x\", \"resources\": []}")), "a PowerShell parent with nested children");
    assertFalse(ArmShapes.isTemplate(Shapes.json("[]")));
  }

  // ------------------------------------------------------------------ helpers

  /**
   * A REST body's id, name, type and properties: Resource Graph and PowerShell write the location
   * in lower case without spaces, and list neither etag nor systemData (nor, in PowerShell,
   * zones).
   */
  private static JsonNode withoutUnlisted(JsonNode rest) {
    com.fasterxml.jackson.databind.node.ObjectNode o = Shapes.MAPPER.createObjectNode();
    for (String m : new String[] {"id", "name", "type", "properties"}) {
      if (rest.has(m)) {
        o.set(m, rest.get(m));
      }
    }
    return o;
  }

  private static Map<String, JsonNode> withInlineChildren(Map<String, JsonNode> top) {
    Map<String, JsonNode> out = new java.util.TreeMap<>(top);
    for (JsonNode r : top.values()) {
      for (ArmTypes.Collection c : ArmTypes.collectionsOf(r.get("type").textValue())) {
        JsonNode list = r.get("properties").get(c.member());
        if (list != null) {
          list.forEach(e -> out.put(e.get("id").textValue().toLowerCase(Locale.ROOT), e));
        }
      }
    }
    return out;
  }

  /**
   * Every member of {@code expected} is in {@code actual} with an equal value (member names
   * compare ignoring case, as ARM's do; arrays element by element).
   */
  static void assertContains(JsonNode expected, JsonNode actual, String at) {
    if (expected == null) {
      fail(at + ": no REST body to compare with");
    }
    if (expected.isObject()) {
      if (!actual.isObject()) {
        fail(at + ": expected an object, got " + actual);
      }
      expected.properties().forEach(m -> {
        JsonNode found = null;
        for (Map.Entry<String, JsonNode> a : actual.properties()) {
          if (a.getKey().equalsIgnoreCase(m.getKey())) {
            found = a.getValue();
          }
        }
        if (found == null) {
          fail(at + Json.member(m.getKey()) + " is missing from " + actual);
        }
        assertContains(m.getValue(), found, at + Json.member(m.getKey()));
      });
    } else if (expected.isArray()) {
      assertEquals(expected.size(), actual.size(), at);
      for (int i = 0; i < expected.size(); i++) {
        assertContains(expected.get(i), actual.get(i), at + "[" + i + "]");
      }
    } else if (expected.isTextual() && expected.textValue().startsWith("/subscriptions/")) {
      assertTrue(expected.textValue().equalsIgnoreCase(actual.asText()), at + ": " + expected + " vs " + actual);
    } else {
      assertEquals(expected, actual, at);
    }
  }
}
