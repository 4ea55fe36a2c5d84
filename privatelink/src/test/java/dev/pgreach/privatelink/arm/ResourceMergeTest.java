package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.PublicNetworkAccess;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Several documents merged by resource id, rule by rule (the rules are {@link ResourceMerge}'s). */
class ResourceMergeTest {
  private static final String SERVER = Shapes.ORDERS;
  private static final String VNET = Shapes.VNET;
  private static final String SERVER_TYPE = "\"type\": \"Microsoft.DBforPostgreSQL/flexibleServers\"";
  private static final String VNET_TYPE = "\"type\": \"Microsoft.Network/virtualNetworks\"";
  private static final String SUBNET_TYPE = "\"type\": \"Microsoft.Network/virtualNetworks/subnets\"";

  private static ShapedInput merge(String... documents) {
    List<ArmDocument> docs = new java.util.ArrayList<>();
    for (int i = 0; i < documents.length; i++) {
      docs.add(ArmDocument.of((char) ('a' + i) + ".json", documents[i]));
    }
    ShapedInput in = ArmShapes.shape(docs);
    assertTrue(in.problems().isEmpty(), in.problems()::toString);
    return in;
  }

  private static String server(String properties) {
    return "{\"id\": \"" + SERVER + "\", " + SERVER_TYPE + ", \"location\": \"westeurope\", \"properties\": " + properties + "}";
  }

  @Test
  void merge_laterMembersOverrideObjectsMergeArraysAreReplaced() {
    ShapedInput in =
        merge(
            "[" + server("{\"version\": \"15\", \"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"privateEndpointConnections\": [{\"id\": \"" + SERVER + "/privateEndpointConnections/a\"}, {\"id\": \"" + SERVER + "/privateEndpointConnections/b\"}]}") + "]",
            "[" + server("{\"version\": \"16\", \"network\": {\"delegatedSubnetResourceId\": \"" + VNET + "/subnets/db\"}, \"privateEndpointConnections\": [{\"id\": \"" + SERVER + "/privateEndpointConnections/c\"}]}") + "]");
    JsonNode p = in.resources().get(0).resource().get("properties");
    assertEquals("16", p.get("version").textValue(), "a later value replaces an earlier one");
    assertEquals("Enabled", p.get("network").get("publicNetworkAccess").textValue(), "objects merge member by member");
    assertTrue(p.get("network").has("delegatedSubnetResourceId"));
    assertEquals(1, p.get("privateEndpointConnections").size(), "an array is replaced whole");
    assertEquals(List.of("a.json $[0]", "b.json $[0]"), in.resources().get(0).sources());
    ShapedResource r = in.resources().get(0);
    assertEquals("b.json $[0].properties.version", r.sourcePath(".properties.version"));
    assertEquals("a.json $[0].properties.network.publicNetworkAccess", r.sourcePath(".properties.network.publicNetworkAccess"));
    assertEquals("b.json $[0].properties.privateEndpointConnections[0].id", r.sourcePath(".properties.privateEndpointConnections[0].id"));
  }

  @Test
  void merge_laterNullNeverReplacesWhatAnEarlierDocumentShowed() {
    String described = "[" + server("{\"network\": {\"publicNetworkAccess\": \"Disabled\"}}") + "]";
    for (String later : new String[] {
      "[{\"id\": \"" + SERVER + "\", " + SERVER_TYPE + ", \"properties\": null}]",
      "[{\"id\": \"" + SERVER + "\", " + SERVER_TYPE + "}]",
      "[" + server("{\"network\": {\"publicNetworkAccess\": null}}") + "]",
      "[{\"id\": \"" + SERVER + "\", " + SERVER_TYPE + ", \"name\": \"orders-pg\", \"network\": null, \"version\": null}]"}) {
      ShapedInput in = merge(described, later);
      ShapedResource r = in.resources().get(0);
      assertEquals("Disabled", r.resource().get("properties").get("network").get("publicNetworkAccess").textValue(), later);
      assertEquals(Optional.empty(), r.propertiesMissing(), later);
      assertEquals(List.of(), in.notes(), "no note says the settings are unknown: " + later);
    }
  }

  @Test
  void merge_propertiesShownByNoListing_areMissing() {
    ShapedInput in = merge("[{\"id\": \"" + SERVER + "\", " + SERVER_TYPE + ", \"properties\": null}]", "[{\"id\": \"" + SERVER + "\", " + SERVER_TYPE + ", \"location\": \"westeurope\"}]");
    ShapedResource r = in.resources().get(0);
    assertFalse(r.resource().has("properties"));
    assertEquals(Optional.of("properties is null"), r.propertiesMissing());
    assertEquals("westeurope", r.resource().get("location").textValue());
    ShapedInput later = merge("[{\"id\": \"" + SERVER + "\", " + SERVER_TYPE + ", \"properties\": null}]", "[" + server("{\"version\": \"16\"}") + "]");
    assertEquals(Optional.empty(), later.resources().get(0).propertiesMissing(), "a later document that shows them fills them in");
  }

  @Test
  void merge_idsCompareIgnoringCase_theFirstListingsTextIsKept() {
    ShapedInput in = merge("[" + server("{\"version\": \"15\"}") + "]", "{\"data\": [{\"id\": \"" + SERVER.toLowerCase(java.util.Locale.ROOT) + "\", \"type\": \"microsoft.dbforpostgresql/flexibleservers\", \"properties\": {\"version\": \"16\"}}]}");
    assertEquals(1, in.resources().size());
    assertEquals(SERVER, in.resources().get(0).id().orElseThrow());
    assertEquals("16", in.resources().get(0).resource().get("properties").get("version").textValue());
  }

  @Test
  void merge_oneDocumentListingAResourceTwice_bothGoToTheReader() {
    String twice = "[" + server("{\"version\": \"15\"}") + ", " + server("{\"version\": \"16\"}") + "]";
    assertEquals(2, merge(twice).resources().size());
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(twice));
    assertEquals(ErrorCode.DUPLICATE_RESOURCE, e.code(), "the reader requires them to agree");
    assertEquals(2, merge(twice, "[" + server("{\"version\": \"14\"}") + "]").resources().size(), "a later document merges into both");
  }

  @Test
  void merge_laterStandaloneChild_mergesIntoTheEarlierParentsInlineElement() {
    String vnet = "{\"id\": \"" + VNET + "\", " + VNET_TYPE + ", \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.20.0.0/16\"]},"
        + " \"subnets\": [{\"id\": \"" + VNET + "/subnets/app\", \"name\": \"app\", \"properties\": {\"addressPrefix\": \"10.20.1.0/24\"}}]}}";
    String subnets = "[{\"id\": \"" + VNET + "/subnets/app\", \"name\": \"app\", " + SUBNET_TYPE + ", \"addressPrefix\": \"10.20.1.0/24\", \"privateEndpointNetworkPolicies\": \"Enabled\", \"resourceGroup\": \"rg-orders\"},"
        + " {\"id\": \"" + VNET + "/subnets/new\", \"name\": \"new\", " + SUBNET_TYPE + ", \"addressPrefix\": \"10.20.9.0/24\"}]";
    ShapedInput in = merge(vnet, subnets);
    assertEquals(2, in.resources().size(), "the network, and the subnet its list does not hold");
    ShapedResource v = Shapes.resource(in, VNET);
    assertEquals("Enabled", v.resource().get("properties").get("subnets").get(0).get("properties").get("privateEndpointNetworkPolicies").textValue());
    assertEquals(List.of("a.json $", "b.json $[0]"), v.sources());
    assertEquals("b.json $[0].privateEndpointNetworkPolicies", v.sourcePath(".properties.subnets[0].properties.privateEndpointNetworkPolicies"));
    assertEquals("b.json $[0].addressPrefix", v.sourcePath(".properties.subnets[0].properties.addressPrefix"), "a value the later listing gives is the later's, equal or not");
    assertEquals("a.json $.properties.subnets[0].name", v.sourcePath(".properties.subnets[0].name"), "the element's name stays the parent's");
  }

  @Test
  void merge_earlierStandaloneChild_foldsUnderTheLaterParentsElementWhichWins() {
    String subnets = "[{\"id\": \"" + VNET + "/subnets/app\", \"name\": \"app\", " + SUBNET_TYPE + ", \"addressPrefix\": \"10.20.1.0/24\", \"privateEndpointNetworkPolicies\": \"Enabled\", \"serviceEndpoints\": []}]";
    String vnet = "{\"id\": \"" + VNET + "\", " + VNET_TYPE + ", \"location\": \"westeurope\", \"properties\": {\"addressSpace\": {\"addressPrefixes\": [\"10.20.0.0/16\"]},"
        + " \"subnets\": [{\"id\": \"" + VNET + "/subnets/app\", \"name\": \"app\", \"properties\": {\"addressPrefix\": \"10.20.1.0/24\", \"privateEndpointNetworkPolicies\": \"Disabled\"}}]}}";
    ShapedInput in = merge(subnets, vnet);
    assertEquals(1, in.resources().size());
    ShapedResource v = in.resources().get(0);
    JsonNode subnet = v.resource().get("properties").get("subnets").get(0).get("properties");
    assertEquals("Disabled", subnet.get("privateEndpointNetworkPolicies").textValue(), "the later listing wins");
    assertTrue(subnet.has("serviceEndpoints"), "what only the earlier listing showed is kept");
    assertEquals("a.json $[0].serviceEndpoints", v.sourcePath(".properties.subnets[0].properties.serviceEndpoints"));
    assertEquals("b.json $.properties.subnets[0].properties.privateEndpointNetworkPolicies", v.sourcePath(".properties.subnets[0].properties.privateEndpointNetworkPolicies"));
    assertEquals(List.of("a.json $[0]", "b.json $"), v.sources());
  }

  @Test
  void merge_privateEndpointConnectionNotInTheServersList_isAppended() {
    String element = "{\"id\": \"" + SERVER + "/privateEndpointConnections/pe-2\", \"name\": \"pe-2\", \"type\": \"Microsoft.DBforPostgreSQL/flexibleServers/privateEndpointConnections\","
        + " \"properties\": {\"privateEndpoint\": {\"id\": \"" + Shapes.SUB + "Microsoft.Network/privateEndpoints/pe-2\"}, \"privateLinkServiceConnectionState\": {\"status\": \"Pending\"}}}";
    String connection = "{\"value\": [" + element + "]}";
    ShapedInput in = merge("[" + server("{\"version\": \"16\"}") + "]", connection);
    assertEquals(1, in.resources().size());
    JsonNode list = in.resources().get(0).resource().get("properties").get("privateEndpointConnections");
    assertEquals(1, list.size());
    assertEquals("Pending", list.get(0).get("properties").get("privateLinkServiceConnectionState").get("status").textValue());
    ShapedInput oneDocument = ArmShapes.shape(Json.parse("[" + server("{\"version\": \"16\"}") + ", " + element + "]", "$"));
    assertEquals(1, oneDocument.resources().size(), "a connection joins its server from the same document too");
  }

  @Test
  void readDocuments_laterDocumentWins_intoTheEstate() {
    String enabled = "[" + server("{\"network\": {\"publicNetworkAccess\": \"Enabled\"}}") + "]";
    String disabled = "{\"id\": \"" + SERVER + "\", " + SERVER_TYPE + ", \"network\": {\"publicNetworkAccess\": \"Disabled\"}, \"resourceGroup\": \"rg-orders\"}";
    ArmImport read = ArmImport.read(List.of(enabled, disabled), Companion.empty());
    assertEquals(PublicNetworkAccess.DISABLED, read.estate().network().flexibleServers().get(0).publicNetworkAccess());
    ArmImport reversed = ArmImport.read(List.of(disabled, enabled), Companion.empty());
    assertEquals(PublicNetworkAccess.ENABLED, reversed.estate().network().flexibleServers().get(0).publicNetworkAccess());
  }
}
