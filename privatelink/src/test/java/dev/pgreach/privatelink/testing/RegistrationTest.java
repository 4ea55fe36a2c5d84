package dev.pgreach.privatelink.testing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.privatelink.SampleEstate;
import java.util.List;
import java.util.ServiceLoader;
import net.jqwik.api.SampleReportingFormat;
import net.jqwik.api.providers.ArbitraryProvider;
import org.junit.jupiter.api.Test;

/** The module registers its provider and its report format with jqwik. */
class RegistrationTest {
  @Test
  void theProviderIsRegistered() {
    assertTrue(ServiceLoader.load(ArbitraryProvider.class).stream().anyMatch(p -> p.type() == EstateArbitraryProvider.class));
  }

  @Test
  void estatesAreReportedAsTheirDescription() {
    SampleReportingFormat format =
        ServiceLoader.load(SampleReportingFormat.class).stream().filter(p -> p.type() == EstateReportingFormat.class).findFirst().orElseThrow().get();
    var estate = SampleEstate.estate();
    assertTrue(format.appliesTo(estate));
    assertEquals(List.of(EstateArbitraries.describe(estate).split("\n")), format.report(estate));
    assertTrue(EstateArbitraries.describe(estate).startsWith("estate: 4 virtual networks"), EstateArbitraries.describe(estate));
  }
}
