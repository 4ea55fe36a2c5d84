package dev.pgreach.firewall;

/** A three-valued match: a rule matches, does not match, or may match (the model cannot tell). */
enum Tri {
  NO,
  MAYBE,
  YES;

  /** The conjunction: NO if either is NO, else MAYBE if either is MAYBE, else YES. */
  Tri and(Tri other) {
    return compareTo(other) <= 0 ? this : other;
  }

  /** The disjunction: YES if either is YES, else MAYBE if either is MAYBE, else NO. */
  Tri or(Tri other) {
    return compareTo(other) >= 0 ? this : other;
  }
}
