package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.dns;
import static dev.pgreach.dns.TestEstate.ip;
import static dev.pgreach.dns.TestEstate.serverId;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.Place;
import dev.pgreach.core.ResourceId;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class ResolutionTest {
  private static final DnsName NAME = dns("orders.postgres.database.azure.com");
  private static final DnsName TARGET = dns("orders.orders.private.postgres.database.azure.com");
  private static final ImmutableList<Ipv4Address> ADDRESS = ImmutableList.of(ip("10.0.2.4"));
  private static final DnsStep QUERIED = new DnsStep.Queried(new NameServer.Public(Optional.empty()), NAME);

  private static DnsStep answered(DnsName name, List<Ipv4Address> addresses, Optional<ResourceId> endpoint) {
    return new DnsStep.Answered(name, ImmutableList.copyOf(addresses), endpoint);
  }

  private static Resolution resolution(
      ResolutionDisposition d, List<DnsName> aliases, List<Ipv4Address> addresses, Optional<ResourceId> endpoint, DnsStep... steps) {
    return unknownServer(d, aliases, addresses, endpoint, Optional.empty(), steps);
  }

  private static Resolution unknownServer(
      ResolutionDisposition d,
      List<DnsName> aliases,
      List<Ipv4Address> addresses,
      Optional<ResourceId> endpoint,
      Optional<ResourceId> server,
      DnsStep... steps) {
    return new Resolution(
        NAME, d, ImmutableList.copyOf(aliases), ImmutableList.copyOf(addresses), endpoint, server, ImmutableList.copyOf(steps));
  }

  private static DnsStep addressUnknown(DnsName name) {
    return new DnsStep.ServerAddressUnknown(
        name,
        TestEstate.zoneId(TestEstate.ORDERS_ZONE),
        ZoneName.parse(TestEstate.ORDERS_ZONE),
        TestEstate.linkId("dns", TestEstate.ORDERS_ZONE, "hub-link"),
        serverId("orders"),
        ImmutableList.of());
  }

  @Test
  void constructor_consistentAddressAnswer_accessors() {
    Resolution r =
        resolution(
            ResolutionDisposition.ADDRESS,
            List.of(NAME, TARGET),
            ADDRESS,
            Optional.empty(),
            QUERIED,
            new DnsStep.CnameFollowed(NAME, TARGET),
            answered(TARGET, ADDRESS, Optional.empty()));

    assertEquals(Optional.of(ip("10.0.2.4")), r.address());
    assertEquals(TARGET, r.canonicalName());
    assertEquals(3, r.explanation().lines().count());
    assertTrue(r.lastStep() instanceof DnsStep.Answered);
  }

  @Test
  void constructor_unknownServerAddress_namesTheServer() {
    Resolution r =
        unknownServer(
            ResolutionDisposition.UNKNOWN,
            List.of(NAME, TARGET),
            List.of(),
            Optional.empty(),
            Optional.of(serverId("orders")),
            QUERIED,
            new DnsStep.CnameFollowed(NAME, TARGET),
            addressUnknown(TARGET));

    assertEquals(ResolutionDisposition.UNKNOWN, r.disposition());
    assertEquals(Optional.of(serverId("orders")), r.serverAddressUnknown());
    assertEquals(Optional.empty(), r.address());
  }

  static List<Arguments> inconsistent() {
    DnsStep nx = new DnsStep.NxDomain(NAME, Optional.empty(), Optional.empty(), false);
    DnsStep refused = new DnsStep.Refused(Resolver.AZURE_PROVIDED_DNS, new Place.OnPremises(TestEstate.onPremId("corp")));
    List<DnsName> tooLong = IntStream.rangeClosed(0, Resolver.MAX_CNAME_CHAIN + 1).mapToObj(i -> i == 0 ? NAME : dns("n" + i + ".contoso.com")).collect(Collectors.toList());
    return List.of(
        Arguments.of(
            "aliases not starting with the name",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.NXDOMAIN, List.of(TARGET), List.of(), Optional.empty(), nx),
            "aliases"),
        Arguments.of(
            "no aliases",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.NXDOMAIN, List.of(), List.of(), Optional.empty(), nx),
            "aliases"),
        Arguments.of(
            "repeated alias",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.NXDOMAIN, List.of(NAME, TARGET, NAME), List.of(), Optional.empty(), nx),
            "aliases"),
        Arguments.of(
            "chain longer than the limit",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.NXDOMAIN, tooLong, List.of(), Optional.empty(), nx),
            "aliases"),
        Arguments.of(
            "address answer without addresses",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.ADDRESS, List.of(NAME), List.of(), Optional.empty(), answered(NAME, List.of(), Optional.empty())),
            "addresses"),
        Arguments.of(
            "NXDOMAIN with an address",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.NXDOMAIN, List.of(NAME), ADDRESS, Optional.empty(), nx),
            "addresses"),
        Arguments.of(
            "addresses out of order",
            (Supplier<Resolution>)
                () -> {
                  List<Ipv4Address> two = new java.util.ArrayList<>(List.of(ip("10.0.2.4"), ip("10.0.2.5")));
                  Collections.reverse(two);
                  return resolution(ResolutionDisposition.ADDRESS, List.of(NAME), two, Optional.empty(), answered(NAME, two, Optional.empty()));
                },
            "addresses"),
        Arguments.of(
            "public endpoint without a server",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.PUBLIC_ENDPOINT, List.of(NAME), List.of(), Optional.empty(), answered(NAME, List.of(), Optional.empty())),
            "publicEndpoint"),
        Arguments.of(
            "NXDOMAIN naming a public endpoint",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.NXDOMAIN, List.of(NAME), List.of(), Optional.of(serverId("crm")), nx),
            "publicEndpoint"),
        Arguments.of(
            "no steps",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.NXDOMAIN, List.of(NAME), List.of(), Optional.empty()),
            "steps"),
        Arguments.of(
            "NXDOMAIN ending with a refusal",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.NXDOMAIN, List.of(NAME), List.of(), Optional.empty(), refused),
            "steps"),
        Arguments.of(
            "failure ending with NXDOMAIN",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.FAILURE, List.of(NAME), List.of(), Optional.empty(), nx),
            "steps"),
        Arguments.of(
            "failure ending with a note",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.FAILURE, List.of(NAME), List.of(), Optional.empty(), QUERIED),
            "steps"),
        Arguments.of(
            "unknown ending with NXDOMAIN",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.UNKNOWN, List.of(NAME), List.of(), Optional.empty(), nx),
            "steps"),
        Arguments.of(
            "unknown server address without the server",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.UNKNOWN, List.of(NAME), List.of(), Optional.empty(), addressUnknown(NAME)),
            "serverAddressUnknown"),
        Arguments.of(
            "unknown server address naming another server",
            (Supplier<Resolution>)
                () -> unknownServer(ResolutionDisposition.UNKNOWN, List.of(NAME), List.of(), Optional.empty(), Optional.of(serverId("crm")), addressUnknown(NAME)),
            "serverAddressUnknown"),
        Arguments.of(
            "NXDOMAIN naming a server whose address is unknown",
            (Supplier<Resolution>)
                () -> unknownServer(ResolutionDisposition.NXDOMAIN, List.of(NAME), List.of(), Optional.empty(), Optional.of(serverId("orders")), nx),
            "serverAddressUnknown"),
        Arguments.of(
            "unknown server address for another name",
            (Supplier<Resolution>)
                () -> unknownServer(ResolutionDisposition.UNKNOWN, List.of(NAME), List.of(), Optional.empty(), Optional.of(serverId("orders")), addressUnknown(TARGET)),
            "steps"),
        Arguments.of(
            "answer for another name",
            (Supplier<Resolution>) () -> resolution(ResolutionDisposition.ADDRESS, List.of(NAME), ADDRESS, Optional.empty(), answered(TARGET, ADDRESS, Optional.empty())),
            "steps"),
        Arguments.of(
            "answer with other addresses",
            (Supplier<Resolution>)
                () -> resolution(ResolutionDisposition.ADDRESS, List.of(NAME), ADDRESS, Optional.empty(), answered(NAME, List.of(ip("10.0.2.9")), Optional.empty())),
            "steps"));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("inconsistent")
  void constructor_partsDisagree_throwsInvalidValueNamingThePart(String row, Supplier<Resolution> resolution, String field) {
    PgreachException e = assertThrows(PgreachException.class, resolution::get);

    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().startsWith("Resolution[" + NAME + "]." + field + " ("), e.getMessage());
  }

  @Test
  void constructor_nullPart_throwsMissingAttribute() {
    PgreachException e =
        assertThrows(
            PgreachException.class,
            () -> new Resolution(NAME, null, ImmutableList.of(NAME), ImmutableList.of(), Optional.empty(), Optional.empty(), ImmutableList.of(QUERIED)));

    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("Resolution.disposition"), e.getMessage());
  }
}
