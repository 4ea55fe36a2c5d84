package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class ExposureMatrixTest {
  private final Connectivity sample = Connectivity.of(SampleEstate.estate());

  @Test
  void theSampleMatrixHoldsEveryServerInIdOrder() {
    ExposureMatrix m = sample.matrix(5432, SampleEstate.INSTANT);
    assertEquals(
        List.of("archive-db", "billing-db", "orders-db", "web-db"),
        m.exposures().stream().map(x -> x.server().name()).collect(Collectors.toList()));
    assertEquals(sample.expose(SampleEstate.server("orders-db"), 5432, SampleEstate.INSTANT), m.of(SampleEstate.server("orders-db")).orElseThrow());
    assertTrue(m.of(SampleEstate.server("archive-db")).orElseThrow().isClosed());
  }

  @Test
  void theCsvHasARowPerPathAndOneForWebDbsPublicEndpointWithItsPropagatingRuleUndecided() {
    List<String> lines = Arrays.asList(sample.matrix(5432, SampleEstate.INSTANT).toCsv().split("\n"));
    assertEquals(ExposureMatrix.CSV_HEADER, lines.get(0));
    List<String> web = lines.stream().filter(l -> l.contains("/web-db,")).collect(Collectors.toList());
    assertEquals(1, web.size(), web.toString());
    // Address columns hold addresses only: the 0.0.0.0 rule has its own column.
    assertTrue(web.get(0).endsWith(",Internet,,PUBLIC_ENDPOINT,,,203.0.113.0/24,198.51.100.77,admitted,,"), web.get(0));
    assertTrue(lines.stream().noneMatch(l -> l.contains("AzureServices")), lines.toString());
    assertTrue(lines.stream().anyMatch(l -> l.contains("/orders-db,") && l.contains(",SERVER_PRIVATE_ADDRESS,10.1.1.4,,")), lines.toString());
  }

  @Test
  void aPortOutsideTheRangeIsRefused() {
    PgreachException e = assertThrows(PgreachException.class, () -> sample.matrix(0, SampleEstate.INSTANT));
    assertEquals(ErrorCode.INVALID_PORT_RANGE, e.code());
  }
}
