package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.StepEffect;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.util.List;
import org.junit.jupiter.api.Test;

/** How a connection's trace is assembled when DNS, the DNS servers' paths and the flow each add steps. */
class TraceAssemblyTest {
  private static final Estate SAMPLE = SampleEstate.estate();

  /** The sample estate with one more rule on the clients' subnets, for DNS (UDP 53) to the hub's forwarder. */
  private static Estate withDnsRule(SecurityRuleAccess access, SecurityRuleAddress destination) {
    NetworkSecurityGroup app = SAMPLE.networkSecurityGroups().stream().filter(g -> g.name().equals("app-nsg")).findFirst().orElseThrow();
    return SAMPLE.withNetworkSecurityGroup(
        NetworkSecurityGroup.builder()
            .id(app.id())
            .addAllSecurityRules(app.securityRules())
            .addSecurityRules(
                SecurityRule.builder()
                    .name("dns-out")
                    .priority(150)
                    .direction(SecurityRuleDirection.OUTBOUND)
                    .access(access)
                    .protocol(SecurityRuleProtocol.UDP)
                    .addSourceAddressPrefixes(SecurityRuleAddress.ANY)
                    .addSourcePortRanges(PortRange.ANY)
                    .addDestinationAddressPrefixes(destination)
                    .addDestinationPortRanges(PortRange.of(53))
                    .build())
            .build());
  }

  private static Connection connect(Estate e, String client, String target) {
    return Connectivity.of(e).connect(e.client(client), target, 5432, SampleEstate.INSTANT);
  }

  @Test
  void connect_nameEndsNxdomainWhileTheDnsServerPathIsCheckedThroughSecurityGroups_isBlockedByTheNxdomain() {
    for (SecurityRuleAddress destination : List.of(SecurityRuleAddress.parse("10.0.2.4"), SecurityRuleAddress.parse("Sql"), SecurityRuleAddress.INTERNET)) {
      Connection c = connect(withDnsRule(SecurityRuleAccess.ALLOW, destination), "orders-api", "nothere.postgres.database.azure.com");
      assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
      assertEquals(ReasonCode.DNS_NXDOMAIN, c.decidingStep().orElseThrow().code(), c.explanation());
      DnsServerPathProperties.assertConsistent(c);
    }
  }

  @Test
  void connect_dnsServerPathDeniedBeforeTheNameEndsNxdomain_isBlockedAtTheDnsServer() {
    Connection c = connect(withDnsRule(SecurityRuleAccess.DENY, SecurityRuleAddress.parse("10.0.2.4")), "orders-api", "nothere.postgres.database.azure.com");
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertEquals(ReasonCode.DNS_RESOLVER_UNREACHABLE, c.decidingStep().orElseThrow().code(), c.explanation());
    DnsServerPathProperties.assertConsistent(c);
  }

  @Test
  void untilFirstBlock_stepsAfterABlockingStepAreNotPartOfTheAnswer() {
    ConnectStep passed = new ConnectStep.Note(ReasonCode.DNS_ANSWER, "a", "noted");
    ConnectStep blocked = new ConnectStep.Decision(ReasonCode.DNS_NXDOMAIN, "b", "blocked", StepEffect.BLOCKED);
    ConnectStep later = new ConnectStep.Decision(ReasonCode.NOT_OBSERVED, "c", "unknown", StepEffect.UNKNOWN);
    assertEquals(List.of(passed, blocked), Connectivity.untilFirstBlock(List.of(passed, blocked, later, blocked)));
    assertEquals(List.of(passed, later), Connectivity.untilFirstBlock(List.of(passed, later)));
    assertTrue(Connectivity.untilFirstBlock(List.of()).isEmpty());
  }
}
