package dev.pgreach.privatelink.testing;

import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.intent.Intent;
import dev.pgreach.privatelink.intent.IntentReport;
import dev.pgreach.privatelink.intent.IntentStatus;
import dev.pgreach.privatelink.intent.Intents;
import java.time.Instant;

/**
 * Assertions about estates for tests, in the style of {@code assertThat(estate).satisfies(intents)}:
 * a failure throws an {@link AssertionError} whose message is the explanation of the intents that
 * fail, with each counterexample and its trace. Works with any test framework.
 *
 * <pre>{@code
 * @Property
 * void ordersDbStaysPrivate(@ForAll("estates") Estate estate) {
 *   IntentAssertions.assertThat(estate)
 *       .satisfies(Intent.noServerReachableFromInternet("orders-db"));
 * }
 * }</pre>
 *
 * <p>By default the question is asked under {@link ServiceProfile#current()} at {@link
 * EstateArbitraries#INSTANT}, and an indeterminate intent fails the assertion (nothing unknown is
 * taken to be fine); {@link EstateAssert#allowingIndeterminate()} accepts it.
 */
public final class IntentAssertions {
  private IntentAssertions() {}

  /**
   * Starts an assertion about an estate.
   *
   * @param estate the estate
   * @return the assertion
   */
  public static EstateAssert assertThat(Estate estate) {
    Describe.notNull(estate, "IntentAssertions.assertThat.estate");
    return new EstateAssert(estate, ServiceProfile.current(), EstateArbitraries.INSTANT, false);
  }

  /** An assertion about one estate; every method but the checks returns a changed copy. */
  public static final class EstateAssert {
    private final Estate estate;
    private final ServiceProfile profile;
    private final Instant at;
    private final boolean indeterminateAllowed;

    private EstateAssert(Estate estate, ServiceProfile profile, Instant at, boolean indeterminateAllowed) {
      this.estate = estate;
      this.profile = profile;
      this.at = at;
      this.indeterminateAllowed = indeterminateAllowed;
    }

    /**
     * Asks under another service profile.
     *
     * @param profile the profile
     * @return the changed assertion
     */
    public EstateAssert under(ServiceProfile profile) {
      Describe.notNull(profile, "EstateAssert.under.profile");
      return new EstateAssert(estate, profile, at, indeterminateAllowed);
    }

    /**
     * Asks at another instant.
     *
     * @param at the instant
     * @return the changed assertion
     */
    public EstateAssert at(Instant at) {
      Describe.notNull(at, "EstateAssert.at.at");
      return new EstateAssert(estate, profile, at, indeterminateAllowed);
    }

    /**
     * Accepts intents that are indeterminate (in an open world), failing only on violations.
     *
     * @return the changed assertion
     */
    public EstateAssert allowingIndeterminate() {
      return new EstateAssert(estate, profile, at, true);
    }

    /**
     * Checks intents.
     *
     * @param intents the intents
     * @return the report, when the assertion holds
     * @throws AssertionError when an intent is violated (or indeterminate, unless allowed); the
     *     message explains the failing intents and then describes the estate
     */
    public IntentReport satisfies(Intents intents) {
      Describe.notNull(intents, "EstateAssert.satisfies.intents");
      IntentReport report = intents.verify(estate, profile, at);
      IntentStatus status = report.status();
      if (status == IntentStatus.VIOLATED || (status == IntentStatus.INDETERMINATE && !indeterminateAllowed)) {
        StringBuilder m = new StringBuilder("Expected the estate to satisfy its intents, but:\n");
        report.results().stream()
            .filter(r -> r.status() != IntentStatus.SATISFIED && (r.status() == IntentStatus.VIOLATED || !indeterminateAllowed))
            .forEach(r -> m.append(r.explanation()).append('\n'));
        m.append("in the estate:\n").append(Describe.estate(estate));
        throw new AssertionError(m.toString());
      }
      return report;
    }

    /**
     * Checks intents.
     *
     * @param intents the intents
     * @return the report, when the assertion holds
     * @throws AssertionError as {@link #satisfies(Intents)}
     */
    public IntentReport satisfies(Intent... intents) {
      return satisfies(Intents.of(intents));
    }
  }
}
