package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Place;
import dev.pgreach.core.ServiceProfile;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ExposureTest {
  private static final Estate SAMPLE = SampleEstate.estate();
  private static final Connectivity CURRENT = Connectivity.of(SAMPLE, ServiceProfile.current());

  @Test
  void expose_vnetIntegratedServer_reachableFromPeersAndOnPremisesButNotFromUnpeeredSpokes() {
    Exposure x = CURRENT.expose(SampleEstate.server("orders-db"), 5432, SampleEstate.INSTANT);
    assertTrue(x.publicSources().isEmpty() && !x.azureServices(), "no public endpoint");
    assertEquals(
        AddressSet.parse("192.168.0.0/16"),
        x.privatePaths().stream().filter(r -> r.place() instanceof Place.OnPremises).findFirst().orElseThrow().connected());
    assertEquals(
        AddressSet.parse("10.3.0.4-10.3.0.254"),
        x.privatePaths().stream().filter(r -> r.subnet().equals(Optional.of(SampleEstate.subnet("analytics", "bi")))).findFirst().orElseThrow().connected());
    assertTrue(x.privatePaths().stream().noneMatch(r -> r.place().equals(new Place.Vnet(SampleEstate.vnet("spoke-apps")))), "spoke-apps is not peered with spoke-data");
  }

  @Test
  void expose_globalPeeringUnderPreview_dropsTheFarRegion() {
    Exposure x = Connectivity.of(SAMPLE, ServiceProfile.preview2021()).expose(SampleEstate.server("orders-db"), 5432, SampleEstate.INSTANT);
    assertTrue(x.privatePaths().stream().noneMatch(r -> r.place().equals(new Place.Vnet(SampleEstate.vnet("analytics")))));
  }

  @Test
  void expose_publicServer_firewallRangesPropagatingRuleAndAzureServices() {
    Exposure x = CURRENT.expose(SampleEstate.server("web-db"), 5432, SampleEstate.INSTANT);
    assertEquals(AddressSet.parse("203.0.113.0/24"), x.publicSources());
    assertEquals(AddressSet.parse("198.51.100.77"), x.publicUndecided());
    assertTrue(x.azureServices());
    assertTrue(x.privatePaths().isEmpty());
    // Five minutes later the CI runner's rule has settled.
    Exposure later = CURRENT.expose(SampleEstate.server("web-db"), 5432, SampleEstate.INSTANT.plusSeconds(300));
    assertEquals(AddressSet.parse("198.51.100.77, 203.0.113.0/24"), later.publicSources());
    assertEquals(AddressSet.EMPTY, later.publicUndecided());
  }

  @Test
  void expose_serverWithoutRulesOrEndpoints_nobody() {
    Exposure x = CURRENT.expose(SampleEstate.server("archive-db"), 5432, SampleEstate.INSTANT);
    assertTrue(x.isClosed());
    assertTrue(x.explanation().endsWith("nobody"), x.explanation());
  }

  @Test
  void expose_endpointServerWithPublicAccessDisabled_onlyThroughTheEndpoint() {
    Exposure x = CURRENT.expose(SampleEstate.server("billing-db"), 5432, SampleEstate.INSTANT);
    assertTrue(x.publicSources().isEmpty() && !x.azureServices());
    assertFalse(x.privatePaths().isEmpty());
    assertTrue(x.privatePaths().stream().allMatch(r -> r.door() == FrontDoorKind.PRIVATE_ENDPOINT));
  }

  @Test
  void expose_portWithoutListener_nobody() {
    assertTrue(CURRENT.expose(SampleEstate.server("web-db"), 6432, SampleEstate.INSTANT).isClosed());
    assertFalse(CURRENT.expose(SampleEstate.server("orders-db"), 6432, SampleEstate.INSTANT).isClosed());
  }

  @Test
  void expose_invalidArguments_throw() {
    assertEquals(ErrorCode.UNKNOWN_RESOURCE, assertThrows(PgreachException.class, () -> CURRENT.expose(SampleEstate.server("ghost-db"), 5432, SampleEstate.INSTANT)).code());
    assertEquals(ErrorCode.INVALID_PORT_RANGE, assertThrows(PgreachException.class, () -> CURRENT.expose(SampleEstate.server("web-db"), 70000, SampleEstate.INSTANT)).code());
  }

  @Test
  void theClosedWorldConstructor_decidesTheAzureAnswer_andAnUnknownWayIn_keepsAnExposureOpen() {
    Exposure closed = new Exposure(SampleEstate.server("archive-db"), 5432, SampleEstate.INSTANT, com.google.common.collect.ImmutableList.of(), AddressSet.EMPTY, AddressSet.EMPTY, false);
    assertTrue(closed.isClosed() && !closed.azureServicesUndecided() && closed.unknownWaysIn().isEmpty());
    assertEquals("UNREACHABLE", closed.headline());
    Exposure open = new Exposure(closed.server(), 5432, closed.at(), closed.privatePaths(), AddressSet.EMPTY, AddressSet.EMPTY, false, false,
        com.google.common.collect.ImmutableList.of(new Exposure.UnknownWay(SampleEstate.server("archive-db"), "its private endpoint connections are not all in the input")));
    assertFalse(open.isClosed());
    assertEquals("UNDECIDED", open.headline());
    assertTrue(open.explanation().contains("its private endpoint connections are not all in the input") && !open.explanation().contains("nobody"), open::explanation);
    Exposure azure = new Exposure(closed.server(), 5432, closed.at(), closed.privatePaths(), AddressSet.EMPTY, AddressSet.EMPTY, false, true, com.google.common.collect.ImmutableList.of());
    assertEquals("UNDECIDED", azure.headline());
    assertEquals(ErrorCode.INVALID_VALUE, assertThrows(PgreachException.class,
        () -> new Exposure(closed.server(), 5432, closed.at(), closed.privatePaths(), AddressSet.EMPTY, AddressSet.EMPTY, true, true, com.google.common.collect.ImmutableList.of())).code());
  }
}
