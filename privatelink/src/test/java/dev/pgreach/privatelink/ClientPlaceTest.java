package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.OnPremisesNetwork;
import dev.pgreach.core.PgreachException;
import dev.pgreach.dns.DnsName;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** A client's address must be inside its own place: its subnet, or its on-premises network's prefixes. */
class ClientPlaceTest {
  private static final Estate SAMPLE = SampleEstate.estate();
  private static final Client OUTSIDE_SUBNET =
      Client.builder().name("stray").location(ClientLocation.InVirtualNetwork.of(SampleEstate.subnet("spoke-data", "app"), Ipv4Address.parse("10.1.5.9"))).build();
  private static final Client OUTSIDE_ON_PREMISES =
      Client.builder()
          .name("roamer")
          .location(new ClientLocation.OnPremises(SampleEstate.id("network", OnPremisesNetwork.RESOURCE_TYPE, "headquarters"), Ipv4Address.parse("10.9.9.9"), Optional.empty()))
          .build();

  private static void assertNamesTheClient(Executable action, String name, String address) {
    PgreachException e = assertThrows(PgreachException.class, action);
    assertEquals(ErrorCode.INVALID_VALUE, e.code(), e.getMessage());
    assertTrue(e.getMessage().contains("Client[" + name + "].location.address (" + address + ")"), e.getMessage());
    assertTrue(!e.getMessage().contains("Resolver."), e.getMessage());
  }

  @Test
  void estateBuilder_clientOutsideItsSubnet_isRefusedNamingTheClient() {
    assertNamesTheClient(() -> SAMPLE.withClients(List.of(OUTSIDE_SUBNET)), "stray", "10.1.5.9");
  }

  @Test
  void estateBuilder_clientOutsideItsOnPremisesPrefixes_isRefusedNamingTheClient() {
    assertNamesTheClient(() -> SAMPLE.withClients(List.of(OUTSIDE_ON_PREMISES)), "roamer", "10.9.9.9");
  }

  @Test
  void connect_clientBuiltOutsideTheEstateAndOutsideItsSubnet_isRefusedNamingTheClientNotAnInternalMethod() {
    Connectivity c = Connectivity.of(SAMPLE);
    assertNamesTheClient(() -> c.connect(OUTSIDE_SUBNET, "orders-db.postgres.database.azure.com", 5432, SampleEstate.INSTANT), "stray", "10.1.5.9");
    assertNamesTheClient(() -> c.connect(OUTSIDE_SUBNET, "10.1.1.4", 5432, SampleEstate.INSTANT), "stray", "10.1.5.9");
    assertNamesTheClient(() -> c.connect(OUTSIDE_ON_PREMISES, "orders-db.postgres.database.azure.com", 5432, SampleEstate.INSTANT), "roamer", "10.9.9.9");
  }

  @Test
  void resolve_clientOutsideItsOnPremisesPrefixes_isRefusedNamingTheClient() {
    Connectivity c = Connectivity.of(SAMPLE);
    assertNamesTheClient(() -> c.resolve(OUTSIDE_ON_PREMISES, DnsName.parse("orders-db.postgres.database.azure.com")), "roamer", "10.9.9.9");
  }

  @Test
  void connect_clientInsideItsPlace_isAnswered() {
    Client inside = Client.builder().name("inside").location(ClientLocation.InVirtualNetwork.of(SampleEstate.subnet("spoke-data", "app"), Ipv4Address.parse("10.1.0.9"))).build();
    Connection answer = Connectivity.of(SAMPLE).connect(inside, "orders-db.postgres.database.azure.com", 5432, SampleEstate.INSTANT);
    assertEquals(dev.pgreach.core.Disposition.ALLOWED, answer.disposition(), answer.explanation());
  }
}
