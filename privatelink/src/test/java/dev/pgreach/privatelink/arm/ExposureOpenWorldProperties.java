package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.pgreach.core.AddressSet;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.Exposure;
import dev.pgreach.privatelink.intent.Intent;
import dev.pgreach.privatelink.intent.IntentStatus;
import dev.pgreach.privatelink.intent.Intents;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

/**
 * The open world's law for exposures and intents, over generated estates written as ARM JSON and
 * read back with one resource taken out: removing knowledge may turn who reaches a server
 * undecided, never into "nobody". An address that reached a place's front doors (connected or
 * undecided) still does, or an unknown way in is listed; a server with a way in is never closed;
 * the public endpoint's admitted and undecided addresses only grow; an Azure-services rule known or
 * undecided stays so; and an intent never turns satisfied.
 */
class ExposureOpenWorldProperties {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  @Property(tries = 100)
  void removingOneResourceFromTheInputNeverTurnsReachIntoNonReach(
      @ForAll("estates") Estate estate, @ForAll @IntRange(min = 0, max = 100_000) int which, @ForAll boolean aimAtFrontDoors) throws Exception {
    ArmExport written = ArmExport.write(estate);
    ArrayNode resources = (ArrayNode) MAPPER.readTree(written.resourcesJson());
    if (resources.isEmpty()) {
      return;
    }
    // Half the tries take out what a front door stands on (an endpoint or a network), which a
    // uniform pick among many resources seldom does.
    List<Integer> doors = new java.util.ArrayList<>();
    for (int i = 0; i < resources.size(); i++) {
      String t = resources.get(i).path("type").asText().toLowerCase(java.util.Locale.ROOT);
      if (t.equals("microsoft.network/privateendpoints") || t.equals("microsoft.network/virtualnetworks")) {
        doors.add(i);
      }
    }
    int index = aimAtFrontDoors && !doors.isEmpty() ? doors.get(which % doors.size()) : which % resources.size();
    JsonNode removed = resources.remove(index);
    String type = removed.path("type").asText();
    ObjectNode companion = (ObjectNode) MAPPER.readTree(written.companion().toJson());
    companion.remove("complete");
    Estate partial;
    try {
      partial = ArmImport.read(MAPPER.writeValueAsString(resources), Companion.parse(MAPPER.writeValueAsString(companion))).estate();
    } catch (PgreachException e) {
      assertTrue(e.getMessage().contains("companion $"), e::getMessage);
      return;
    }
    Connectivity whole = Connectivity.of(estate, ServiceProfile.current());
    Connectivity part = Connectivity.of(partial, ServiceProfile.current());
    for (FlexibleServer s : partial.network().flexibleServers()) {
      if (estate.network().flexibleServer(s.id()).isEmpty()) {
        continue;
      }
      Exposure before = whole.expose(s.id(), 5432, ArmEstateArbitraries.INSTANT);
      Exposure after = part.expose(s.id(), 5432, ArmEstateArbitraries.INSTANT);
      String context = "removing a " + type + " (" + removed.path("name").asText() + ")\nwhole:\n" + before.explanation() + "\npartial:\n" + after.explanation();
      Statistics.label("headline").collect(before.headline() + " -> " + after.headline());
      assertTrue(before.isClosed() || !after.isClosed(), () -> "a server with a way in became closed: " + context);
      assertTrue(!before.isReachable() || !after.headline().equals("UNREACHABLE"), () -> context);
      assertTrue(reached(before.publicSources(), before.publicUndecided()).difference(reached(after.publicSources(), after.publicUndecided())).isEmpty(),
          () -> "public sources shrank: " + context);
      assertTrue(!(before.azureServices() || before.azureServicesUndecided()) || after.azureServices() || after.azureServicesUndecided(),
          () -> "the Azure-services answer turned to not admitted: " + context);
      if (!after.unknownWaysIn().isEmpty()) {
        continue; // anyone may come in that way: every source's answer is undecided
      }
      Map<String, AddressSet> now = byPlace(after);
      for (Map.Entry<String, AddressSet> e : byPlace(before).entrySet()) {
        if (!placePresent(partial, e.getKey())) {
          continue; // the place itself was removed: its hosts are no longer asked about
        }
        AddressSet left = now.getOrDefault(e.getKey(), AddressSet.EMPTY);
        assertTrue(e.getValue().difference(left).isEmpty(), () -> "sources in " + e.getKey() + " lost their way in: " + context);
      }
    }
    for (FlexibleServer s : partial.network().flexibleServers()) {
      if (estate.network().flexibleServer(s.id()).isEmpty()) {
        continue;
      }
      for (Intent intent : List.of(Intent.reachableOnlyFrom(s.name().toString(), List.of(Intent.INTERNET)), Intent.noServerReachableFromInternet(s.name().toString()))) {
        IntentStatus a = Intents.of(intent).verify(estate, ServiceProfile.current(), ArmEstateArbitraries.INSTANT).status();
        IntentStatus b = Intents.of(intent).verify(partial, ServiceProfile.current(), ArmEstateArbitraries.INSTANT).status();
        Statistics.label("intent").collect(a + " -> " + b);
        assertTrue(a == b || b == IntentStatus.INDETERMINATE, () -> "removing a " + type + " turned " + intent.describe() + " from " + a + " to " + b);
      }
    }
  }

  private static AddressSet reached(AddressSet a, AddressSet b) {
    return a.union(b);
  }

  /** Connected and undecided sources per place and subnet, across the server's doors. */
  private static Map<String, AddressSet> byPlace(Exposure x) {
    Map<String, AddressSet> out = new HashMap<>();
    for (Exposure.Reach r : x.privatePaths()) {
      out.merge(key(r), r.connected().union(r.undecided()), AddressSet::union);
    }
    return out;
  }

  private static String key(Exposure.Reach r) {
    return r.subnet().map(Object::toString).orElse(r.place().toString());
  }

  private static boolean placePresent(Estate e, String key) {
    return e.network().virtualNetworks().stream().flatMap(v -> v.subnets().stream()).anyMatch(s -> s.id().toString().equals(key))
        || e.network().onPremisesNetworks().stream().anyMatch(o -> new dev.pgreach.core.Place.OnPremises(o.id()).toString().equals(key));
  }

  @Provide
  Arbitrary<Estate> estates() {
    return ArmEstateArbitraries.estates();
  }
}
