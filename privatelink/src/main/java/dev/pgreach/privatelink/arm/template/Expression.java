package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;

/**
 * A parsed template expression: a literal, a function call (possibly of a user-defined function,
 * {@code namespace.name(…)}), or member access and indexing on another expression.
 */
sealed interface Expression {
  /** A string, integer or boolean literal. */
  record Literal(JsonNode value) implements Expression {}

  /**
   * A call of a built-in function or of a user-defined one.
   *
   * @param namespace the user-defined function's namespace, or empty for a built-in function
   * @param name the function's name as written
   * @param arguments the arguments, in order
   * @param at the character offset of the call in the expression, for messages
   */
  record Call(String namespace, String name, List<Expression> arguments, int at) implements Expression {}

  /** {@code target.member}. */
  record Member(Expression target, String member, int at) implements Expression {}

  /** {@code target[index]}. */
  record Index(Expression target, Expression index, int at) implements Expression {}
}
