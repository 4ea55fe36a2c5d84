package dev.pgreach.core;

/** How serious a validation {@link Finding} is. */
public enum Severity {
  /** Azure rejects this configuration. */
  ERROR,
  /** Azure accepts this configuration but does not honour it, or it breaks something at run time. */
  WARNING,
  /** The configuration works but is risky, redundant or against documented practice. */
  ADVICE
}
