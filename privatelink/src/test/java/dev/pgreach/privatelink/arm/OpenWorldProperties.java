package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.Client;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Inventory;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.PrivateEndpoint;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.constraints.IntRange;

/**
 * The laws of the open world, over generated estates written as ARM JSON and read back.
 *
 * <p>Removing knowledge may turn an answer indeterminate, never flip it: an estate read from an
 * export with any one resource taken out answers every question as the whole estate does, or
 * indeterminate. And declaring every inventory complete, kind by kind, answers as declaring the
 * whole input complete does.
 */
class OpenWorldProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Property(tries = 120)
  void removingOneResourceFromTheInputNeverFlipsAnAnswer(
      @ForAll("estates") Estate estate, @ForAll @IntRange(min = 0, max = 100_000) int which, @ForAll boolean keepDeclarations) throws Exception {
    ArmExport written = ArmExport.write(estate);
    ArrayNode resources = (ArrayNode) MAPPER.readTree(written.resourcesJson());
    if (resources.isEmpty()) {
      return;
    }
    JsonNode removed = resources.remove(which % resources.size());
    String type = removed.path("type").asText();
    ObjectNode companion = (ObjectNode) MAPPER.readTree(written.companion().toJson());
    companion.remove("complete");
    if (keepDeclarations) {
      // Every inventory stays declared complete but those the removed resource belongs to.
      ArrayNode kinds = companion.putArray("complete");
      EnumSet<Inventory> kept = EnumSet.allOf(Inventory.class);
      kept.removeAll(touchedBy(type));
      kept.forEach(k -> kinds.add(k.inputName()));
    }
    ArmImport partial;
    try {
      partial = ArmImport.read(MAPPER.writeValueAsString(resources), Companion.parse(MAPPER.writeValueAsString(companion)));
    } catch (PgreachException e) {
      // The companion names what was removed (a client's interface, an on-premises network …): refused, never misread.
      assertTrue(e.getMessage().contains("companion $"), e::getMessage);
      Statistics.label("read").collect("refused: the companion names what was removed");
      return;
    }
    Statistics.label("read").collect("read");
    Connectivity whole = Connectivity.of(estate, ServiceProfile.current());
    Connectivity part = Connectivity.of(partial.estate(), ServiceProfile.current());
    for (Client c : partial.estate().clients()) {
      for (String target : targets(estate)) {
        Connection full = whole.connect(estate.client(c.name()), target, 5432, ArmEstateArbitraries.INSTANT);
        Connection less = part.connect(c, target, 5432, ArmEstateArbitraries.INSTANT);
        boolean same = less.disposition() == full.disposition();
        Statistics.label("answer").collect(same ? "same" : less.disposition() == Disposition.INDETERMINATE ? "indeterminate" : "flipped");
        assertTrue(
            same || less.disposition() == Disposition.INDETERMINATE,
            () -> "removing a " + type + " flipped " + c.name() + " -> " + target + "\nwhole:\n" + full.explanation() + "\npartial:\n" + less.explanation());
      }
    }
  }

  /**
   * A projection that leaves out one member of a server's properties ({@code state}, {@code
   * network}, {@code network.publicNetworkAccess}, {@code version} …) never flips an answer: what
   * the export no longer shows is unknown, never a default. ({@code delegatedSubnetResourceId} is
   * not among them: an export shows it for every VNet-integrated server, so a network that shows
   * public access and no subnet is a public-access server's.)
   */
  @Property(tries = 120)
  void leavingOutOneMemberOfAServersPropertiesNeverFlipsAnAnswer(
      @ForAll("estates") Estate estate, @ForAll @IntRange(min = 0, max = 100_000) int which, @ForAll @IntRange(min = 0, max = 100_000) int member) throws Exception {
    ArmExport written = ArmExport.write(estate);
    ArrayNode resources = (ArrayNode) MAPPER.readTree(written.resourcesJson());
    List<ObjectNode> servers = new ArrayList<>();
    resources.forEach(r -> {
      if (r.path("type").asText().equalsIgnoreCase("Microsoft.DBforPostgreSQL/flexibleServers") && r.path("properties").isObject()) {
        servers.add((ObjectNode) r);
      }
    });
    if (servers.isEmpty()) {
      return;
    }
    ObjectNode properties = (ObjectNode) servers.get(which % servers.size()).get("properties");
    List<String> members = new ArrayList<>();
    properties.fieldNames().forEachRemaining(members::add);
    if (properties.path("network").has("publicNetworkAccess")) {
      members.add("network.publicNetworkAccess");
    }
    String left = members.get(member % members.size());
    if (left.equals("network.publicNetworkAccess")) {
      ((ObjectNode) properties.get("network")).remove("publicNetworkAccess");
    } else {
      properties.remove(left);
    }
    Statistics.label("member left out").collect(left);
    Estate partial = ArmImport.read(MAPPER.writeValueAsString(resources), written.companion()).estate();
    Connectivity whole = Connectivity.of(estate, ServiceProfile.current());
    Connectivity part = Connectivity.of(partial, ServiceProfile.current());
    for (Client c : partial.clients()) {
      for (String target : targets(estate)) {
        Connection full = whole.connect(estate.client(c.name()), target, 5432, ArmEstateArbitraries.INSTANT);
        Connection less = part.connect(c, target, 5432, ArmEstateArbitraries.INSTANT);
        assertTrue(
            less.disposition() == full.disposition() || less.disposition() == Disposition.INDETERMINATE,
            () -> "leaving out properties." + left + " flipped " + c.name() + " -> " + target + "\nwhole:\n" + full.explanation() + "\npartial:\n" + less.explanation());
      }
    }
  }

  @Property(tries = 80)
  void declaringEveryInventoryCompleteAnswersAsDeclaringTheWholeInput(@ForAll("estates") Estate estate) throws Exception {
    ArmExport written = ArmExport.write(estate);
    ObjectNode companion = (ObjectNode) MAPPER.readTree(written.companion().toJson());
    assertEquals(true, companion.path("complete").asBoolean(false), "a whole estate is written as a whole input");
    ArrayNode kinds = companion.putArray("complete");
    for (Inventory i : Inventory.values()) {
      kinds.add(i.inputName());
    }
    Estate byKinds = ArmImport.read(written.resourcesJson(), Companion.parse(MAPPER.writeValueAsString(companion))).estate();
    Estate whole = ArmImport.read(written.resourcesJson(), written.companion()).estate();
    assertEquals(estate, whole);
    Connectivity a = Connectivity.of(byKinds, ServiceProfile.current());
    Connectivity b = Connectivity.of(whole, ServiceProfile.current());
    for (Client c : whole.clients()) {
      for (String target : targets(estate)) {
        Connection x = a.connect(byKinds.client(c.name()), target, 5432, ArmEstateArbitraries.INSTANT);
        Connection y = b.connect(c, target, 5432, ArmEstateArbitraries.INSTANT);
        assertEquals(y.disposition(), x.disposition(), () -> c.name() + " -> " + target + "\nby kinds:\n" + x.explanation() + "\nwhole:\n" + y.explanation());
      }
    }
  }

  @Property(tries = 60)
  void anImportWithNoDeclarationIsNeverMoreCertainThanTheWholeEstate(@ForAll("estates") Estate estate) throws Exception {
    ArmExport written = ArmExport.write(estate);
    ObjectNode companion = (ObjectNode) MAPPER.readTree(written.companion().toJson());
    companion.remove("complete");
    Estate open = ArmImport.read(written.resourcesJson(), Companion.parse(MAPPER.writeValueAsString(companion))).estate();
    Connectivity a = Connectivity.of(open, ServiceProfile.current());
    Connectivity b = Connectivity.of(estate, ServiceProfile.current());
    for (Client c : estate.clients()) {
      for (String target : targets(estate)) {
        Connection x = a.connect(open.client(c.name()), target, 5432, ArmEstateArbitraries.INSTANT);
        Connection y = b.connect(c, target, 5432, ArmEstateArbitraries.INSTANT);
        assertTrue(x.disposition() == y.disposition() || x.disposition() == Disposition.INDETERMINATE, () -> c.name() + " -> " + target + "\nopen:\n" + x.explanation() + "\nwhole:\n" + y.explanation());
        Statistics.label("open answer").collect(x.disposition());
      }
    }
  }

  /** Every server's name and every address something answers at. */
  private static List<String> targets(Estate estate) {
    List<String> out = new ArrayList<>();
    for (FlexibleServer s : estate.network().flexibleServers()) {
      out.add(s.fullyQualifiedDomainName());
      s.privateAddress().ifPresent(a -> out.add(a.toString()));
      s.publicAddress().ifPresent(a -> out.add(a.toString()));
    }
    for (PrivateEndpoint p : estate.privateEndpoints()) {
      out.add(p.privateAddress().toString());
    }
    return out;
  }

  /** The inventories a resource of this type belongs to, whose completeness its removal takes away. */
  static Set<Inventory> touchedBy(String type) {
    switch (type.toLowerCase(Locale.ROOT)) {
      case "microsoft.network/networkinterfaces":
        return EnumSet.of(Inventory.NETWORK_INTERFACES, Inventory.DNS_SERVERS);
      case "microsoft.network/virtualnetworkgateways":
      case "microsoft.network/localnetworkgateways":
      case "microsoft.network/connections":
        return EnumSet.of(Inventory.CONNECTIONS);
      case "microsoft.dbforpostgresql/flexibleservers":
        return EnumSet.of(Inventory.FLEXIBLE_SERVERS);
      case "microsoft.dbforpostgresql/flexibleservers/firewallrules":
        return EnumSet.of(Inventory.FIREWALL_RULES);
      case "microsoft.dbforpostgresql/flexibleservers/configurations":
        return EnumSet.of(Inventory.CONFIGURATIONS);
      case "microsoft.network/privatednszones":
        return EnumSet.of(Inventory.LINKED_PRIVATE_DNS_ZONES);
      case "microsoft.network/privatednszones/virtualnetworklinks":
        return EnumSet.of(Inventory.VIRTUAL_NETWORK_LINKS, Inventory.LINKED_PRIVATE_DNS_ZONES);
      case "microsoft.network/privatednszones/a":
      case "microsoft.network/privatednszones/cname":
        return EnumSet.of(Inventory.RECORD_SETS);
      case "microsoft.network/dnsresolvers":
      case "microsoft.network/dnsresolvers/inboundendpoints":
        return EnumSet.of(Inventory.DNS_SERVERS);
      case "microsoft.network/privateendpoints":
        return EnumSet.of(Inventory.PRIVATE_ENDPOINTS, Inventory.PRIVATE_ENDPOINT_CONNECTIONS);
      case "microsoft.network/privateendpoints/privatednszonegroups":
        return EnumSet.of(Inventory.PRIVATE_DNS_ZONE_GROUPS, Inventory.RECORD_SETS);
      default:
        return EnumSet.noneOf(Inventory.class);
    }
  }

  @Provide
  Arbitrary<Estate> estates() {
    return ArmEstateArbitraries.estates();
  }
}
