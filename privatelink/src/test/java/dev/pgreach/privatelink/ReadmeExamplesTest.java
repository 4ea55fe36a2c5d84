package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.AddressSet;
import dev.pgreach.core.Disposition;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerName;
import dev.pgreach.core.ServiceProfile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** The whole-estate example of the module README, statement for statement. */
class ReadmeExamplesTest {
  @Test
  void wholeEstateExample_saysWhatTheCodeDoes() throws IOException {
    String readme = Files.readString(Path.of("README.md"), StandardCharsets.UTF_8);
    assertTrue(readme.contains("Comparison diff = Comparison.of(estate, estate.withoutPrivateEndpoint(endpoint), ServiceProfile.current(), at);"));

    Estate estate = SampleEstate.estate();
    Connectivity connectivity = Connectivity.of(estate, ServiceProfile.current());
    Instant at = SampleEstate.INSTANT;

    Connection c = connectivity.connect(estate.client("billing-worker"), "orders-db.postgres.database.azure.com", 5432, at);
    assertEquals(Disposition.BLOCKED, c.disposition());
    assertEquals(ReasonCode.DNS_NXDOMAIN, c.decidingStep().get().code());

    ResourceId webDb = estate.network().flexibleServer(ServerName.parse("web-db")).get().id();
    Exposure who = connectivity.expose(webDb, 5432, at);
    assertEquals(AddressSet.parse("203.0.113.0/24"), who.publicSources());
    assertEquals(AddressSet.parse("198.51.100.77"), who.publicUndecided());
    assertTrue(who.azureServices());

    ResourceId endpoint = estate.privateEndpoints().get(0).id();
    Comparison diff = Comparison.of(estate, estate.withoutPrivateEndpoint(endpoint), ServiceProfile.current(), at);
    assertTrue(diff.accessChanges().get(0).toString().startsWith("billing-worker -> billing-db: CONNECTED -> BLOCKED"), diff.accessChanges().toString());
  }
}
