package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class VerdictTest {
  private record TestStep(ReasonCode code, StepEffect effect) implements Step {
    @Override
    public String subject() {
      return "s";
    }

    @Override
    public String reason() {
      return code + " " + effect;
    }
  }

  private static Step step(StepEffect e) {
    return new TestStep(ReasonCode.ARRIVED, e);
  }

  @Test
  void of_allPassed_allowed() {
    Verdict v = Verdict.of(List.of(step(StepEffect.PASSED), step(StepEffect.NOTE), step(StepEffect.PASSED)));
    assertEquals(Disposition.ALLOWED, v.disposition());
    assertTrue(v.isAllowed());
    assertEquals(Optional.empty(), v.blockingStep());
  }

  @Test
  void of_unknownThenPassed_indeterminateNamingTheUnknownStep() {
    Step unknown = new TestStep(ReasonCode.FIREWALL_CHANGE_PROPAGATING, StepEffect.UNKNOWN);
    Verdict v = Verdict.of(List.of(step(StepEffect.PASSED), unknown, step(StepEffect.PASSED)));
    assertEquals(Disposition.INDETERMINATE, v.disposition());
    assertEquals(List.of(unknown), v.unknownSteps());
  }

  @Test
  void of_lastStepBlocks_blockedEvenAfterUnknown() {
    Step block = new TestStep(ReasonCode.TLS_REFUSED, StepEffect.BLOCKED);
    Verdict v = Verdict.of(List.of(step(StepEffect.UNKNOWN), block));
    assertEquals(Disposition.BLOCKED, v.disposition());
    assertEquals(Optional.of(block), v.blockingStep());
    assertTrue(v.toString().startsWith("BLOCKED\n  1. [ARRIVED]"), v.toString());
  }

  @Test
  void of_blockingStepNotLast_rejected() {
    assertThrows(IllegalArgumentException.class, () -> Verdict.of(List.of(step(StepEffect.BLOCKED), step(StepEffect.PASSED))));
  }

  @Test
  void of_noDecidingStep_rejectedSoNothingIsAllowedByDefault() {
    assertThrows(IllegalArgumentException.class, () -> Verdict.of(List.of()));
    assertThrows(IllegalArgumentException.class, () -> Verdict.of(List.of(step(StepEffect.NOTE))));
  }

  @Test
  void equalTraces_equalVerdicts() {
    assertEquals(Verdict.of(List.of(step(StepEffect.PASSED))), Verdict.of(List.of(step(StepEffect.PASSED))));
  }
}
