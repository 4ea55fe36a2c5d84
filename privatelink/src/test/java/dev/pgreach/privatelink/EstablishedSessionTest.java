package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.Step;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.PortRange;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.firewall.SecurityRuleAccess;
import dev.pgreach.firewall.SecurityRuleAddress;
import dev.pgreach.firewall.SecurityRuleDirection;
import dev.pgreach.firewall.SecurityRuleProtocol;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Network security groups are stateful: an established session is judged by the rules in force when it was established. */
class EstablishedSessionTest {
  private static final Estate SAMPLE = SampleEstate.estate();
  private static final Instant NOW = SampleEstate.INSTANT;
  private static final Instant CHANGED = NOW.minus(Duration.ofHours(1));
  private static final String ORDERS_DB = "orders-db.postgres.database.azure.com";

  /** The sample estate with an outbound deny rule for PostgreSQL, added to the clients' group an hour ago. */
  private static Estate withNewDeny() {
    NetworkSecurityGroup pg = SAMPLE.networkSecurityGroups().stream().filter(g -> g.name().equals("app-nsg")).findFirst().orElseThrow();
    SecurityRule deny =
        SecurityRule.builder()
            .name("deny-orders-api")
            .priority(100)
            .direction(SecurityRuleDirection.OUTBOUND)
            .access(SecurityRuleAccess.DENY)
            .protocol(SecurityRuleProtocol.TCP)
            .addSourceAddressPrefixes(SecurityRuleAddress.parse("10.1.0.0/24"))
            .addSourcePortRanges(PortRange.ANY)
            .addDestinationAddressPrefixes(SecurityRuleAddress.ANY)
            .addDestinationPortRanges(PortRange.of(5432))
            .changedAt(CHANGED)
            .build();
    return SAMPLE.withNetworkSecurityGroup(NetworkSecurityGroup.builder().id(pg.id()).addAllSecurityRules(pg.securityRules()).addSecurityRules(deny).build());
  }

  private static List<ReasonCode> codes(Connection c) {
    return c.steps().stream().map(Step::code).collect(Collectors.toList());
  }

  @Test
  void connect_newSessionAfterADenyRuleWasAdded_isBlocked() {
    Connection c = Connectivity.of(withNewDeny()).connect(withNewDeny().client("orders-api"), ORDERS_DB, 5432, NOW);
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
  }

  @Test
  void connect_sessionEstablishedBeforeTheRuleChanged_isIndeterminateNamingTheChangedRule() {
    Estate e = withNewDeny();
    Connection c = Connectivity.of(e).connect(e.client("orders-api"), ORDERS_DB, 5432, NOW, CHANGED.minus(Duration.ofHours(1)));
    assertEquals(Disposition.INDETERMINATE, c.disposition(), c.explanation());
    Step why = c.steps().stream().filter(s -> s.code() == ReasonCode.SECURITY_RULE_CHANGED_SINCE_ESTABLISHED).findFirst().orElseThrow();
    assertTrue(why.reason().contains("deny-orders-api") && why.reason().contains("app-nsg") && why.reason().contains(CHANGED.toString()), why.reason());
    assertTrue(c.steps().stream().noneMatch(s -> s.effect() == dev.pgreach.core.StepEffect.BLOCKED), c.explanation());
  }

  @Test
  void connect_sessionEstablishedAfterTheRuleChanged_isJudgedByTheCurrentRules() {
    Estate e = withNewDeny();
    Connection c = Connectivity.of(e).connect(e.client("orders-api"), ORDERS_DB, 5432, NOW, CHANGED);
    assertEquals(Disposition.BLOCKED, c.disposition(), c.explanation());
    assertTrue(codes(c).contains(ReasonCode.SESSION_ESTABLISHED), c.explanation());
  }

  @Test
  void connect_sessionEstablishedWithNoRuleChangedSince_hasTheNewSessionsAnswerAndSaysSo() {
    Connectivity c = Connectivity.of(SAMPLE);
    Connection fresh = c.connect(SAMPLE.client("orders-api"), ORDERS_DB, 5432, NOW);
    Connection established = c.connect(SAMPLE.client("orders-api"), ORDERS_DB, 5432, NOW, NOW.minus(Duration.ofDays(3)));
    assertEquals(fresh.disposition(), established.disposition(), established.explanation());
    assertEquals(Disposition.ALLOWED, established.disposition());
    assertTrue(codes(established).contains(ReasonCode.SESSION_ESTABLISHED), established.explanation());
  }

  @Test
  void connect_sessionEstablishedAfterTheQuestion_isRefused() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> Connectivity.of(SAMPLE).connect(SAMPLE.client("orders-api"), ORDERS_DB, 5432, NOW, NOW.plusSeconds(1)));
    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("establishedSince"), e.getMessage());
  }

  @Test
  void withChangedAt_keepsEveryOtherComponent() {
    SecurityRule r = SAMPLE.networkSecurityGroups().get(0).securityRules().get(0);
    SecurityRule changed = r.withChangedAt(CHANGED);
    assertEquals(r.toString(), changed.toString());
    assertEquals(java.util.Optional.of(CHANGED), changed.changedAt());
    assertEquals(r.withChangedAt(CHANGED), changed);
    assertTrue(!r.equals(changed), "the change instant is part of the rule");
  }
}
