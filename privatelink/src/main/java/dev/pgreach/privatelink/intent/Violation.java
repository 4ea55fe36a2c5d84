package dev.pgreach.privatelink.intent;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.privatelink.Connection;
import java.util.Optional;

/**
 * One way an intent is broken (or, among an intent's undecided flows, may be): what breaks it, and
 * a concrete flow that shows it, with the flow's whole trace.
 *
 * @param intent the intent
 * @param summary one sentence naming the server, the place and the addresses concerned
 * @param counterexample the flow that shows it (a connection question and its answer); empty only
 *     where no flow can show it (a connection state of an endpoint outside the estate)
 */
public record Violation(Intent intent, String summary, Optional<Connection> counterexample) {
  /**
   * Checks the components.
   *
   * @param intent the intent
   * @param summary one sentence
   * @param counterexample the flow that shows it
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
   */
  public Violation {
    if (intent == null || summary == null || counterexample == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Violation.%s must not be null", intent == null ? "intent" : summary == null ? "summary" : "counterexample");
    }
  }

  /**
   * Returns the intent.
   *
   * @return the intent
   */
  @Override
  public Intent intent() {
    return intent;
  }

  /**
   * Returns one sentence naming the server, the place and the addresses concerned.
   *
   * @return one sentence naming the server, the place and the addresses concerned
   */
  @Override
  public String summary() {
    return summary;
  }

  /**
   * Returns the flow that shows the violation, with its trace.
   *
   * @return the flow that shows the violation, with its trace
   */
  @Override
  public Optional<Connection> counterexample() {
    return counterexample;
  }

  /**
   * Renders the violation for people: the summary, then the counterexample's explanation.
   *
   * @return several lines of text
   */
  public String explanation() {
    return counterexample.map(c -> summary + "\n  counterexample: " + c.explanation().replace("\n", "\n  ")).orElse(summary);
  }
}
