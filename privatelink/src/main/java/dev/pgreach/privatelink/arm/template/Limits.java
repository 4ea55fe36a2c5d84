package dev.pgreach.privatelink.arm.template;

/**
 * Bounds on what one template may make the evaluator do, so that a short hostile template cannot
 * exhaust time or memory: nested {@code concat} of arrays multiplies a value's size at each level.
 */
final class Limits {
  private Limits() {}

  /** The longest expression, in characters. */
  static final int MAX_EXPRESSION_LENGTH = 8_192;

  /** How deep calls, variables referring to variables and nested deployments may nest together. */
  static final int MAX_DEPTH = 32;

  /**
   * The most JSON values one value may hold (every element and member, nested ones included, a
   * value used twice counting twice).
   */
  static final int MAX_VALUE_NODES = 100_000;

  /** The most instances one copy loop may make (Azure's own limit). */
  static final int MAX_COPY_COUNT = 800;

  /** The most resources one template may make, nested deployments included. */
  static final int MAX_RESOURCES = 100_000;
}
