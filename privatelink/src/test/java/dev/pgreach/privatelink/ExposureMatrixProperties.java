package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServiceProfile;
import java.util.List;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class ExposureMatrixProperties {
  @Provide
  Arbitrary<Estate> estates() {
    return EstateArbitraries.estates();
  }

  /** The all-pairs answer is every server's own exposure, in id order, on a fresh compiled view. */
  @Property(tries = 25)
  void theMatrixIsEveryServersExposure(@ForAll("estates") Estate estate) {
    ExposureMatrix m = Connectivity.of(estate, ServiceProfile.current()).matrix(5432, EstateArbitraries.INSTANT);
    Connectivity fresh = Connectivity.of(estate, ServiceProfile.current());
    List<ResourceId> ids = estate.network().flexibleServers().stream().map(FlexibleServer::id).distinct().sorted().collect(Collectors.toList());
    assertEquals(ids, m.exposures().stream().map(Exposure::server).collect(Collectors.toList()));
    for (Exposure x : m.exposures()) {
      assertEquals(fresh.expose(x.server(), 5432, EstateArbitraries.INSTANT), x, x.server().toString());
    }
  }

  /** The JSON holds every server and path; the CSV a row per path and per admitting public endpoint. */
  @Property(tries = 25)
  void theRenderingsHoldEveryRow(@ForAll("estates") Estate estate) throws Exception {
    ExposureMatrix m = Connectivity.of(estate, ServiceProfile.current()).matrix(5432, EstateArbitraries.INSTANT);
    JsonNode json = new ObjectMapper().readTree(m.toJson());
    assertEquals(m.exposures().size(), json.get("servers").size());
    int paths = 0;
    int publicRows = 0;
    for (int i = 0; i < m.exposures().size(); i++) {
      Exposure x = m.exposures().get(i);
      assertEquals(x.server().toString(), json.get("servers").get(i).get("server").asText());
      assertEquals(x.privatePaths().size(), json.get("servers").get(i).get("privatePaths").size());
      paths += x.privatePaths().size();
      publicRows += !x.publicSources().isEmpty() || !x.publicUndecided().isEmpty() || x.azureServices() ? 1 : 0;
    }
    String[] lines = m.toCsv().split("\n", -1);
    assertEquals(ExposureMatrix.CSV_HEADER, lines[0]);
    assertEquals(1 + paths + publicRows + 1, lines.length); // the header, the rows, and the empty string after the last newline
  }
}
