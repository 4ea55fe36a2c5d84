package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.Step;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The answers the main job prints about the sample estate, pinned under both profiles. */
class SampleEstateTest {
  private static final Estate ESTATE = SampleEstate.estate();

  static Stream<Arguments> answers() {
    return Stream.of(
        row("orders-api", "orders-db.postgres.database.azure.com", 5432, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED),
        row("orders-api", "orders-db.postgres.database.azure.com", 6432, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED),
        row("billing-worker", "billing-db.postgres.database.azure.com", 5432, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED),
        row("billing-worker", "orders-db.postgres.database.azure.com", 5432, Disposition.BLOCKED, ReasonCode.DNS_NXDOMAIN, Disposition.BLOCKED, ReasonCode.DNS_NXDOMAIN),
        row("hq-laptop", "orders-db.postgres.database.azure.com", 5432, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED),
        row("hq-laptop", "web-db.postgres.database.azure.com", 5432, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED),
        row("home-laptop", "web-db.postgres.database.azure.com", 5432, Disposition.BLOCKED, ReasonCode.FIREWALL_NO_RULE_MATCHED, Disposition.BLOCKED, ReasonCode.FIREWALL_NO_RULE_MATCHED),
        row("partner-function", "web-db.postgres.database.azure.com", 5432, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED),
        row("ci-runner", "web-db.postgres.database.azure.com", 5432, Disposition.INDETERMINATE, ReasonCode.FIREWALL_CHANGE_PROPAGATING, Disposition.INDETERMINATE, ReasonCode.FIREWALL_CHANGE_PROPAGATING),
        row("legacy-batch", "web-db.postgres.database.azure.com", 5432, Disposition.BLOCKED, ReasonCode.TLS_REFUSED, Disposition.BLOCKED, ReasonCode.TLS_REFUSED),
        row("reporting", "orders-db.postgres.database.azure.com", 5432, Disposition.BLOCKED, ReasonCode.DNS_NXDOMAIN, Disposition.BLOCKED, ReasonCode.DNS_NXDOMAIN),
        row("reporting", "10.1.1.4", 5432, Disposition.ALLOWED, ReasonCode.AUTHENTICATION_REQUIRED, Disposition.BLOCKED, ReasonCode.GLOBAL_PEERING_UNSUPPORTED),
        row("home-laptop", "billing-db.postgres.database.azure.com", 5432, Disposition.BLOCKED, ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED, Disposition.BLOCKED, ReasonCode.PUBLIC_NETWORK_ACCESS_DISABLED),
        row("hq-laptop", "archive-db.postgres.database.azure.com", 5432, Disposition.BLOCKED, ReasonCode.FIREWALL_NO_RULE_MATCHED, Disposition.BLOCKED, ReasonCode.FIREWALL_NO_RULE_MATCHED));
  }

  private static Arguments row(String client, String target, int port, Disposition current, ReasonCode currentCode, Disposition preview, ReasonCode previewCode) {
    return Arguments.of(client, target, port, current, currentCode, preview, previewCode);
  }

  @ParameterizedTest(name = "{0} -> {1}:{2}")
  @MethodSource("answers")
  void connect_sampleQuestion_answersAsDocumented(
      String client, String target, int port, Disposition current, ReasonCode currentCode, Disposition preview, ReasonCode previewCode) {
    Connection now = Connectivity.of(ESTATE, ServiceProfile.current()).connect(ESTATE.client(client), target, port, SampleEstate.INSTANT);
    assertEquals(current, now.disposition(), now.explanation());
    assertEquals(currentCode, decisive(now), now.explanation());
    Connection then = Connectivity.of(ESTATE, ServiceProfile.preview2021()).connect(ESTATE.client(client), target, port, SampleEstate.INSTANT);
    assertEquals(preview, then.disposition(), then.explanation());
    assertEquals(previewCode, decisive(then), then.explanation());
  }

  private static ReasonCode decisive(Connection c) {
    return c.decidingStep().map(Step::code).orElse(c.steps().get(c.steps().size() - 1).code());
  }

  @Test
  void questions_coverEveryClientAndAllThreeAccessPaths() {
    List<String> clients = SampleEstate.questions().stream().map(SampleEstate.Question::client).distinct().sorted().collect(Collectors.toList());
    assertEquals(ESTATE.clients().stream().map(c -> c.name()).sorted().collect(Collectors.toList()), clients);
    assertEquals(answers().count(), SampleEstate.questions().size());
    Connectivity c = Connectivity.of(ESTATE);
    List<ReasonCode> doors =
        SampleEstate.questions().stream()
            .map(q -> c.connect(ESTATE.client(q.client()), q.target(), q.port(), SampleEstate.INSTANT))
            .flatMap(x -> x.steps().stream())
            .map(Step::code)
            .collect(Collectors.toList());
    assertTrue(doors.contains(ReasonCode.FRONT_DOOR_SERVER_PRIVATE));
    assertTrue(doors.contains(ReasonCode.FRONT_DOOR_PRIVATE_ENDPOINT));
    assertTrue(doors.contains(ReasonCode.FRONT_DOOR_PUBLIC_ENDPOINT));
  }

  @Test
  void validate_sample_reportsTheIntendedFindingsOnly() {
    List<FindingCode> current = EstateValidation.validate(ESTATE, ServiceProfile.current()).stream().map(Finding::code).collect(Collectors.toList());
    assertEquals(
        List.of(
            FindingCode.PUBLIC_NETWORK_ACCESS_ENABLED,
            FindingCode.SERVER_UNREACHABLE,
            FindingCode.PUBLIC_NETWORK_ACCESS_ENABLED,
            FindingCode.FIREWALL_ALLOWS_AZURE_SERVICES,
            FindingCode.NSG_SERVICE_TAG_UNKNOWN,
            FindingCode.VIRTUAL_NETWORK_NEEDS_ZONE_LINK,
            FindingCode.SUBNET_WITHOUT_NSG,
            FindingCode.SUBNET_WITHOUT_NSG),
        current);
  }

  @Test
  void report_printsEveryQuestionAndTheFindings() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    SampleReport.print(new PrintStream(bytes, true, StandardCharsets.UTF_8), ServiceProfile.current());
    String text = bytes.toString(StandardCharsets.UTF_8);
    for (int i = 1; i <= SampleEstate.questions().size(); i++) {
      assertTrue(text.contains("(" + i + ") "), "question " + i);
    }
    assertTrue(text.contains("CONNECTED: orders-api -> orders-db.postgres.database.azure.com:5432"), text);
    assertTrue(text.contains("Validation findings:"), text);
  }
}
