package dev.pgreach.privatelink;

import static dev.pgreach.privatelink.EstateFixture.WEST_EUROPE;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Finding;
import dev.pgreach.core.FindingCode;
import dev.pgreach.core.PublicNetworkAccess;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServerState;
import dev.pgreach.core.ServiceProfile;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** A plan that changes a server whose state is Updating fails: Azure refuses writes until it is Ready. */
class ServerChangesTest {

  private static Estate estate(UnaryOperator<dev.pgreach.core.FlexibleServer.Builder> server, String ruleEnd) {
    return new EstateFixture()
        .vnet("apps", WEST_EUROPE, "10.2.0.0/16")
        .subnet("apps", "web", "10.2.1.0/24")
        .publicServer("web-db", "20.1.2.3", server)
        .firewallRule("web-db", "office", "198.51.100.0", ruleEnd)
        .build();
  }

  private static List<Finding> changedWhileUpdating(Estate before, Estate after) {
    return Comparison.of(before, after, ServiceProfile.current(), EstateFixture.NOW).forbiddenChanges().stream()
        .filter(f -> f.code() == FindingCode.SERVER_CHANGED_WHILE_UPDATING)
        .collect(Collectors.toList());
  }

  @Test
  void changingAServerThatIsUpdating_isAFindingNamingWhatChanges() {
    Estate before = estate(b -> b.state(ServerState.UPDATING), "198.51.100.255");
    Estate after = estate(b -> b.state(ServerState.UPDATING).publicNetworkAccess(PublicNetworkAccess.DISABLED), "198.51.100.127");

    List<Finding> f = changedWhileUpdating(before, after);
    assertEquals(1, f.size(), f.toString());
    assertEquals("Updating", f.get(0).value());
    assertTrue(f.get(0).message().contains("publicNetworkAccess, firewallRules"), f.get(0).message());
  }

  @Test
  void changingAReadyServer_orLeavingAnUpdatingOneAlone_orAnUnknownState_isNot() {
    Estate ready = estate(b -> b, "198.51.100.255");
    assertEquals(List.of(), changedWhileUpdating(ready, estate(b -> b.publicNetworkAccess(PublicNetworkAccess.DISABLED), "198.51.100.255")));
    Estate updating = estate(b -> b.state(ServerState.UPDATING), "198.51.100.255");
    assertEquals(List.of(), changedWhileUpdating(updating, estate(b -> b.state(ServerState.UPDATING), "198.51.100.255")));
    Estate unknown = estate(b -> b.state(ServerState.UPDATING).addUnknownSettings(ServerSetting.STATE), "198.51.100.255");
    assertEquals(List.of(), changedWhileUpdating(unknown, estate(b -> b, "198.51.100.127")));
  }
}
