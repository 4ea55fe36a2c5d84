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
    return EstateQuestions.estates();
  }

  /** The all-pairs answer is every server's own exposure, in id order, on a fresh compiled view. */
  @Property(tries = 25)
  void theMatrixIsEveryServersExposure(@ForAll("estates") Estate estate) {
    ExposureMatrix m = Connectivity.of(estate, ServiceProfile.current()).matrix(5432, EstateQuestions.INSTANT);
    Connectivity fresh = Connectivity.of(estate, ServiceProfile.current());
    List<ResourceId> ids = estate.network().flexibleServers().stream().map(FlexibleServer::id).distinct().sorted().collect(Collectors.toList());
    assertEquals(ids, m.exposures().stream().map(Exposure::server).collect(Collectors.toList()));
    for (Exposure x : m.exposures()) {
      assertEquals(fresh.expose(x.server(), 5432, EstateQuestions.INSTANT), x, x.server().toString());
    }
  }

  /** The JSON holds every server and path; the CSV a row per path and per admitting public endpoint. */
  @Property(tries = 25)
  void theRenderingsHoldEveryRow(@ForAll("estates") Estate estate) throws Exception {
    ExposureMatrix m = Connectivity.of(estate, ServiceProfile.current()).matrix(5432, EstateQuestions.INSTANT);
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

  /** Looking one server up in the matrix finds what a scan of its exposures finds first, for servers in it and not. */
  @Property(tries = 25)
  void lookingAServerUpAgreesWithAScan(@ForAll("estates") Estate estate) {
    ExposureMatrix m = Connectivity.of(estate, ServiceProfile.current()).matrix(5432, EstateQuestions.INSTANT);
    List<Exposure> doubled = new java.util.ArrayList<>(m.exposures());
    doubled.addAll(m.exposures()); // two exposures of one server: the first is the answer
    ExposureMatrix twice = new ExposureMatrix(m.port(), m.at(), com.google.common.collect.ImmutableList.copyOf(doubled));
    List<ResourceId> asked = new java.util.ArrayList<>(estate.network().flexibleServers().stream().map(FlexibleServer::id).collect(Collectors.toList()));
    asked.add(ResourceId.parse("/subscriptions/00000000-0000-0000-0000-000000000000/resourceGroups/rg/providers/Microsoft.DBforPostgreSQL/flexibleServers/not-in-the-estate"));
    for (ResourceId id : asked) {
      for (ExposureMatrix matrix : List.of(m, twice)) {
        java.util.Optional<Exposure> scanned = matrix.exposures().stream().filter(x -> x.server().equals(id)).findFirst();
        assertEquals(scanned, matrix.of(id), id.toString());
        scanned.ifPresent(x -> org.junit.jupiter.api.Assertions.assertSame(x, matrix.of(id).orElseThrow()));
      }
    }
  }
}
