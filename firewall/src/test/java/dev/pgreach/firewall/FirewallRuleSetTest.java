package dev.pgreach.firewall;

import static dev.pgreach.firewall.TestEstate.NOW;
import static dev.pgreach.firewall.TestEstate.minutesAgo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PgreachException;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class FirewallRuleSetTest {
  private static final FirewallRule OFFICE = FirewallRule.of("office", "203.0.113.0", "203.0.113.255");
  private static final FirewallRule HOME = FirewallRule.of("home", "198.51.100.7", "198.51.100.7");

  @Test
  void of_sameNameTwice_laterReplacesEarlier() {
    FirewallRule moved = FirewallRule.of("office", "192.0.2.0", "192.0.2.255");
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE, HOME, moved);
    assertEquals(2, set.size());
    assertEquals(Optional.of(moved), set.rule("office"));
    assertEquals(List.of(HOME, moved), set.rules());
  }

  @Test
  void upsert_nameDiffersOnlyInCase_replacesRule() {
    FirewallRule upper = FirewallRule.of("OFFICE", "192.0.2.0", "192.0.2.255");
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE).upsert(upper);
    assertEquals(List.of(upper), set.rules());
    assertEquals(Optional.of(upper), set.rule("Office"));
  }

  @Test
  void of_identicalRangesUnderDifferentNames_bothKept() {
    FirewallRule twin = FirewallRule.of("office-copy", "203.0.113.0", "203.0.113.255");
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE, twin);
    assertEquals(2, set.size());
  }

  @Test
  void upsert_withInstantAndNewRange_recordsOldRangeAsRemoval() {
    FirewallRule moved = FirewallRule.of("office", "192.0.2.0", "192.0.2.255").withChangedAt(minutesAgo(1));
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE).upsert(moved);
    assertEquals(List.of(new FirewallRuleRemoval("office", OFFICE.range(), minutesAgo(1))), set.removals());
  }

  @Test
  void upsert_withoutInstant_recordsNothing() {
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE).upsert(FirewallRule.of("office", "192.0.2.0", "192.0.2.255"));
    assertTrue(set.removals().isEmpty());
  }

  @Test
  void upsert_sameRangeWithInstant_recordsNothing() {
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE).upsert(OFFICE.withChangedAt(NOW));
    assertTrue(set.removals().isEmpty());
    assertEquals(Optional.of(NOW), set.rule("office").orElseThrow().changedAt());
  }

  @Test
  void delete_withInstant_recordsRemoval() {
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE, HOME).delete("Office", minutesAgo(2));
    assertEquals(List.of(HOME), set.rules());
    assertEquals(List.of(new FirewallRuleRemoval("office", OFFICE.range(), minutesAgo(2))), set.removals());
  }

  @Test
  void delete_unknownName_returnsSameSet() {
    FirewallRuleSet set = FirewallRuleSet.of(OFFICE);
    assertSame(set, set.delete("nobody", NOW));
    assertSame(set, set.delete("nobody"));
  }

  @Test
  void applyAll_equalsApplyingOneByOne() {
    List<FirewallRuleChange> changes =
        List.of(
            new FirewallRuleChange.Upsert(OFFICE),
            new FirewallRuleChange.Upsert(HOME.withChangedAt(minutesAgo(3))),
            new FirewallRuleChange.Delete("office", Optional.of(minutesAgo(1))),
            new FirewallRuleChange.Upsert(FirewallRule.of("home", "198.51.100.8", "198.51.100.9").withChangedAt(NOW)));
    FirewallRuleSet stepwise = FirewallRuleSet.empty();
    for (FirewallRuleChange c : changes) {
      stepwise = stepwise.apply(c);
    }
    FirewallRuleSet all = FirewallRuleSet.empty().applyAll(changes);
    assertEquals(stepwise, all);
    assertEquals(stepwise.hashCode(), all.hashCode());
    assertEquals(1, all.size());
    assertEquals(2, all.removals().size());
    assertEquals(minutesAgo(1), all.removals().get(0).removedAt());
    assertEquals(Ipv4Range.parse("198.51.100.7"), all.removals().get(1).range());
  }

  @Test
  void empty_isEmptyAndPrintsBrackets() {
    assertTrue(FirewallRuleSet.empty().isEmpty());
    assertEquals("FirewallRuleSet[]", FirewallRuleSet.empty().toString());
    assertTrue(FirewallRuleSet.of(OFFICE).toString().contains("office: 203.0.113.0-203.0.113.255"));
  }

  @Test
  void of_nullRule_throwsMissingAttribute() {
    PgreachException e = assertThrows(PgreachException.class, () -> FirewallRuleSet.of(java.util.Arrays.asList(OFFICE, null)));
    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("FirewallRuleSet.rules[]"), e.getMessage());
  }
}
