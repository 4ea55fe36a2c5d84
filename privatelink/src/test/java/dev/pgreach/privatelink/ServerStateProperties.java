package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Network;
import dev.pgreach.core.ServerState;
import dev.pgreach.core.ServiceProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** A server's state decides before anything else at its door: a server that runs no database is reached by nobody. */
class ServerStateProperties {

  @Provide
  Arbitrary<EstateQuestions.Question> questions() {
    return EstateQuestions.questions();
  }

  @Provide
  Arbitrary<ServerState> states() {
    return Arbitraries.of(ServerState.class);
  }

  /** The same server in another state. */
  static FlexibleServer inState(FlexibleServer s, ServerState state) {
    return FlexibleServer.builder()
        .id(s.id())
        .region(s.region())
        .version(s.version())
        .tier(s.tier())
        .highAvailability(s.highAvailability())
        .delegatedSubnet(s.delegatedSubnet())
        .privateDnsZone(s.privateDnsZone())
        .privateAddress(s.privateAddress())
        .publicAddress(s.publicAddress())
        .addAllUnknownSettings(s.unknownSettings())
        .state(state)
        .publicNetworkAccess(s.publicNetworkAccess())
        .requireSecureTransport(s.requireSecureTransport())
        .sslMinProtocolVersion(s.sslMinProtocolVersion())
        .sslMaxProtocolVersion(s.sslMaxProtocolVersion())
        .pgBouncerEnabled(s.pgBouncerEnabled())
        .replicationRole(s.replicationRole())
        .createMode(s.createMode())
        .sourceServer(s.sourceServer())
        .build();
  }

  /** The estate with every server in the given state. */
  static Estate everyServer(Estate e, ServerState state) {
    Network n = e.network();
    List<FlexibleServer> servers = new ArrayList<>();
    n.flexibleServers().forEach(s -> servers.add(inState(s, state)));
    Network changed =
        Network.builder()
            .addAllVirtualNetworks(n.virtualNetworks())
            .addAllNetworkInterfaces(n.networkInterfaces())
            .addAllRouteTables(n.routeTables())
            .addAllVirtualNetworkGateways(n.virtualNetworkGateways())
            .addAllGatewayConnections(n.gatewayConnections())
            .addAllOnPremisesNetworks(n.onPremisesNetworks())
            .addAllFlexibleServers(servers)
            .coverage(n.coverage())
            .build();
    return e.withNetwork(changed);
  }

  private static Connection ask(Estate e, EstateQuestions.Question q) {
    return Connectivity.of(e, ServiceProfile.current()).connect(q.client(), q.target(), q.port(), EstateQuestions.INSTANT);
  }

  @Property(tries = 200)
  void aServerThatIsNotReadyIsNeverConnected_andOneThatRunsNoDatabaseIsBlockedWhereverTheFlowArrives(
      @ForAll("questions") EstateQuestions.Question q, @ForAll("states") ServerState state) {
    Connection ready = ask(q.estate(), q);
    Connection changed = ask(everyServer(q.estate(), state), q);
    if (state == ServerState.READY) {
      assertEquals(ready, changed);
      return;
    }
    assertNotEquals(Disposition.ALLOWED, changed.disposition(), changed.explanation());
    if (ready.disposition() == Disposition.ALLOWED && state.refusesConnections()) {
      assertEquals(Disposition.BLOCKED, changed.disposition(), changed.explanation());
      assertEquals(Optional.of(dev.pgreach.core.ReasonCode.SERVER_NOT_RUNNING), changed.decidingStep().map(s -> s.code()), changed.explanation());
    }
  }
}
