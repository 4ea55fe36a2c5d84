package dev.pgreach.core;

import com.google.common.collect.ImmutableList;
import java.util.Optional;

/**
 * The answer to "how does a packet from here get to that address?": a verdict with the routing
 * steps, the hops the packet passes, and where it arrives.
 *
 * <p>A routing verdict is {@link Disposition#ALLOWED} (the packet arrives in the destination's
 * network; whether anything listens there, and whether filters admit it, are later questions),
 * {@link Disposition#BLOCKED} (dropped, with the step that says why), or {@link
 * Disposition#INDETERMINATE} (where the packet goes cannot be told from the input: a route table,
 * peering or gateway connection that would decide it is not in the input; the last step says
 * which).
 *
 * @param verdict the verdict and its steps
 * @param hops the hosts passed, source first; the destination is last when the packet arrives
 * @param arrival where the packet arrives; present exactly when the verdict is allowed
 */
public record Path(Verdict verdict, ImmutableList<Hop> hops, Optional<Arrival> arrival) {
  /** {@return the verdict and its steps} */
  public Verdict verdict() {
    return verdict;
  }

  /** {@return the hosts passed, source first; the destination is last when the packet arrives} */
  public ImmutableList<Hop> hops() {
    return hops;
  }

  /** {@return where the packet arrives; present exactly when the verdict is allowed} */
  public Optional<Arrival> arrival() {
    return arrival;
  }

  /**
   * Checks that the arrival agrees with the verdict.
   *
   * @param verdict the verdict and its steps
   * @param hops the hosts passed, source first; the destination is last when the packet arrives
   * @param arrival where the packet arrives; present exactly when the verdict is allowed
   * @throws IllegalArgumentException when an arrival is given for a blocked verdict or missing for an allowed one
   */
  public Path {
    Checks.notNull(verdict, "Path.verdict");
    Checks.notNull(hops, "Path.hops");
    Checks.notNull(arrival, "Path.arrival");
    if (arrival.isPresent() != verdict.isAllowed()) {
      throw new IllegalArgumentException("a path arrives exactly when its verdict is allowed: " + verdict);
    }
  }

  /**
   * Tells whether the packet arrives.
   *
   * @return whether the verdict is allowed
   */
  public boolean arrives() {
    return arrival.isPresent();
  }
}
