package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Disposition;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.firewall.NetworkSecurityGroup;
import dev.pgreach.firewall.SecurityRule;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Laws of questions about established sessions. */
class EstablishedSessionProperties {

  @Provide
  Arbitrary<EstateQuestions.Question> questions() {
    return EstateQuestions.questions();
  }

  @Provide
  Arbitrary<Long> seeds() {
    return Arbitraries.longs();
  }

  /** The estate with some of its security rules changed at instants within the last two hours. */
  static Estate withChanges(Estate e, Random random) {
    Estate out = e;
    for (NetworkSecurityGroup g : e.networkSecurityGroups()) {
      List<SecurityRule> rules = new ArrayList<>();
      for (SecurityRule r : g.securityRules()) {
        rules.add(random.nextInt(3) == 0 ? r.withChangedAt(EstateQuestions.INSTANT.minusSeconds(random.nextInt(7200))) : r);
      }
      out = out.withNetworkSecurityGroup(NetworkSecurityGroup.builder().id(g.id()).addAllSecurityRules(rules).build());
    }
    return out;
  }

  @Property(tries = 200)
  void anEstablishedSessionIsNeverMorePermissiveThanANewOne_andEqualWhenNothingChangedSince(
      @ForAll("questions") EstateQuestions.Question q, @ForAll("seeds") long seed) {
    Random random = new Random(seed);
    Estate e = withChanges(q.estate(), random);
    Instant since = EstateQuestions.INSTANT.minusSeconds(random.nextInt(3 * 7200));
    Connectivity c = Connectivity.of(e, ServiceProfile.current());
    Connection fresh = c.connect(q.client(), q.target(), q.port(), EstateQuestions.INSTANT);
    Connection established = c.connect(q.client(), q.target(), q.port(), EstateQuestions.INSTANT, since);
    if (established.disposition() == Disposition.ALLOWED) {
      assertEquals(Disposition.ALLOWED, fresh.disposition(), established.explanation());
    }
    boolean changedSince =
        e.networkSecurityGroups().stream()
            .flatMap(g -> g.securityRules().stream())
            .anyMatch(r -> r.changedAt().isPresent() && r.changedAt().get().isAfter(since));
    if (!changedSince) {
      assertEquals(fresh.disposition(), established.disposition(), established.explanation());
    }
    DnsServerPathProperties.assertConsistent(established);
    assertTrue(established.steps().size() >= 1);
  }
}
