package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServerState;
import dev.pgreach.privatelink.Connection;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.Exposure;
import java.time.Instant;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** ARM's {@code properties.state}: read, kept on the server, and answered by. */
class ServerStateTest {
  private static final Instant AT = Instant.parse("2026-11-24T12:00:00Z");
  private static final String COMPANION =
      ArmImportErrorsTest.COMPANION.replace(
          "\"clients\": [", "\"clients\": [{\"name\": \"office\", \"location\": {\"internet\": \"203.0.113.5\"}}, ");

  private static ArmImport read(String stateMember) {
    String shown = "\"properties\": {\"network\": {\"publicNetworkAccess\": \"Enabled\"}, \"state\": \"Ready\"}";
    assertTrue(ArmImportErrorsTest.BASE.contains(shown));
    String resources = ArmImportErrorsTest.BASE.replace(shown, "\"properties\": {" + stateMember + "\"network\": {\"publicNetworkAccess\": \"Enabled\"}}");
    return ArmImport.read(resources, Companion.parse(COMPANION));
  }

  private static FlexibleServer server(Estate e) {
    return e.network().flexibleServers().get(0);
  }

  private static Connection connect(Estate e) {
    return Connectivity.of(e).connect(e.client("office"), "orders-db.postgres.database.azure.com", 5432, AT);
  }

  @ParameterizedTest
  @CsvSource({"Stopped, STOPPED", "Disabled, DISABLED", "Dropping, DROPPING", "Stopping, STOPPING", "stopped, STOPPED"})
  void connect_serverThatRunsNoDatabase_isBlockedByItsOwnStateStep(String arm, ServerState expected) {
    Estate e = read("\"state\": \"" + arm + "\", ").estate();
    assertEquals(expected, server(e).state());
    Connection c = connect(e);
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.SERVER_NOT_RUNNING, c.decidingStep().orElseThrow().code(), c.explanation());
  }

  @ParameterizedTest
  @CsvSource({"Updating, UPDATING", "Starting, STARTING"})
  void connect_serverInTransition_isIndeterminate(String arm, ServerState expected) {
    Estate e = read("\"state\": \"" + arm + "\", ").estate();
    assertEquals(expected, server(e).state());
    Connection c = connect(e);
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c.explanation());
    assertTrue(c.steps().stream().anyMatch(s -> s.code() == ReasonCode.SERVER_STATE_CHANGING), c.explanation());
  }

  @Test
  void read_readyServer_connects() {
    Connection c = connect(read("\"state\": \"Ready\", ").estate());
    assertEquals(Disposition.ALLOWED, c.disposition(), c.explanation());
  }

  /** An export shows every server's state; one that does not had it projected away, and the state is unknown. */
  @Test
  void read_absentStateInAnExport_isUnknownAndItsAnswersIndeterminate() {
    ArmImport in = read("");
    Estate e = in.estate();
    assertFalse(server(e).isKnown(ServerSetting.STATE));
    assertTrue(in.notes().contains("$[2].properties: server orders-db shows no state; it is read as unknown, not as Ready"), in.notes()::toString);
    Connection c = connect(e);
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c.explanation());
    assertTrue(c.steps().stream().anyMatch(s -> s.code() == ReasonCode.SETTING_UNKNOWN), c.explanation());
  }

  @Test
  void read_stateNotKnownToPgreach_isUnknownWithANoteAndOnlyThatServersAnswersAreIndeterminate() {
    ArmImport in = read("\"state\": \"Hibernating\", ");
    FlexibleServer s = server(in.estate());
    assertTrue(!s.isKnown(ServerSetting.STATE));
    assertTrue(in.notes().stream().anyMatch(n -> n.contains("Hibernating")), in.notes().toString());
    Connection c = connect(in.estate());
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c.explanation());
    assertTrue(c.steps().stream().anyMatch(x -> x.code() == ReasonCode.SETTING_UNKNOWN), c.explanation());
  }

  @Test
  void expose_stoppedServer_admitsNoPublicSource() {
    Estate e = read("\"state\": \"Stopped\", ").estate();
    Exposure x = Connectivity.of(e).expose(server(e).id(), 5432, AT);
    assertTrue(x.publicSources().isEmpty() && x.publicUndecided().isEmpty() && !x.azureServices(), x.toString());
  }

  @Test
  void export_stoppedServer_keepsItsStateThroughARoundTrip() {
    Estate e = read("\"state\": \"Stopped\", ").estate();
    ArmExport out = ArmExport.write(e);
    Estate again = ArmImport.read(out.resourcesJson(), Companion.parse(out.companion().toJson())).estate();
    assertEquals(ServerState.STOPPED, server(again).state());
  }
}
