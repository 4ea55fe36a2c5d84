package dev.pgreach.core;

import static java.util.Objects.requireNonNull;

import java.util.Locale;

/**
 * The one exception pgreach throws for input that can never be valid.
 *
 * <p>Every instance carries a stable {@link ErrorCode} and a message that names the type, the
 * field and the offending value, in the form {@code FirewallRule[office].endIpAddress (10.0.0.1)
 * must not be smaller than startIpAddress (10.0.0.9)}. It extends {@link IllegalArgumentException}
 * because bad model data is the caller's mistake.
 *
 * <p>Expected negative outcomes (a blocked connection, an NXDOMAIN answer, a validation finding)
 * are values, never this exception.
 */
public class PgreachException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  /** The stable code; never {@code null}. */
  private final ErrorCode code;

  /** The independent problems this exception reports together; empty for a single problem. */
  private final java.util.List<PgreachException> problems;

  /**
   * Creates an exception with a code and a message.
   *
   * @param code the stable reason
   * @param message a sentence naming the type, field and value
   */
  public PgreachException(ErrorCode code, String message) {
    super(message);
    this.code = requireNonNull(code, "code");
    this.problems = java.util.List.of();
  }

  private PgreachException(ErrorCode code, String message, java.util.List<PgreachException> problems) {
    super(message);
    this.code = code;
    this.problems = java.util.List.copyOf(problems);
  }

  /**
   * Reports several independent problems at once (every bad value of an input, not only the
   * first): the code is the first problem's, the message lists them all, one per line, and {@link
   * #problems()} returns each.
   *
   * @param problems the problems, in the order they were found; at least one
   * @param more how many further problems were found but not kept (beyond a cap), 0 if none
   * @return the exception (the only problem itself when there is just one and none beyond it)
   * @throws IllegalArgumentException when {@code problems} is empty (a programming error)
   */
  public static PgreachException several(java.util.List<PgreachException> problems, int more) {
    if (problems.isEmpty()) {
      throw new IllegalArgumentException("several() needs at least one problem");
    }
    if (problems.size() == 1 && more == 0) {
      return problems.get(0);
    }
    StringBuilder m = new StringBuilder();
    m.append(problems.size() + more).append(" problems in the input");
    if (more > 0) {
      m.append(" (the first ").append(problems.size()).append(" shown)");
    }
    m.append(':');
    for (PgreachException p : problems) {
      m.append('\n').append(p.code()).append(": ").append(p.getMessage());
    }
    return new PgreachException(problems.get(0).code(), m.toString(), problems);
  }

  /**
   * Returns the independent problems this exception reports together, each with its own code and
   * message.
   *
   * @return the problems; empty when this exception reports one problem (itself)
   */
  public java.util.List<PgreachException> problems() {
    return problems;
  }

  /**
   * Creates an exception for a value that a generated builder could not build: a required
   * attribute is missing or was given as {@code null}. The code is {@link
   * ErrorCode#MISSING_ATTRIBUTE}. Applications have no reason to call this constructor.
   *
   * @param message the builder's description of what is missing
   */
  public PgreachException(String message) {
    this(ErrorCode.MISSING_ATTRIBUTE, describeMissing(message));
  }

  /**
   * Creates an exception with a message built by {@link String#format(Locale, String, Object...)}
   * in {@link Locale#ROOT}.
   *
   * @param code the stable reason
   * @param format the message format
   * @param args the format arguments
   * @return the exception, for the caller to throw
   */
  public static PgreachException of(ErrorCode code, String format, Object... args) {
    return new PgreachException(code, String.format(Locale.ROOT, format, args));
  }

  /**
   * Turns the failure of a builder whose map attribute was given one key twice (Guava's immutable
   * map refuses it when the value is built) into {@link ErrorCode#DUPLICATE_RESOURCE} naming the
   * builder, its map attributes and the key; any other failure is rethrown as it is.
   *
   * @param builder the builder, such as {@code Estate.Builder}
   * @param maps the builder's map attributes, one of which holds the key twice
   * @param failure what the generated builder threw
   * @return the exception, for the caller to throw
   * @throws IllegalArgumentException the failure itself, when it is not a repeated key
   */
  public static PgreachException duplicateKey(String builder, String maps, IllegalArgumentException failure) {
    String message = String.valueOf(failure.getMessage());
    String prefix = "Multiple entries with same key: ";
    if (!message.startsWith(prefix)) {
      throw failure;
    }
    String rest = message.substring(prefix.length());
    int end = rest.indexOf('=');
    String key = end < 0 ? rest : rest.substring(0, end);
    return of(ErrorCode.DUPLICATE_RESOURCE, "%s is given key %s twice (in %s); each key of a map may be put once", builder, key, maps);
  }

  /**
   * Returns the stable reason for this exception.
   *
   * @return the code
   */
  public ErrorCode code() {
    return code;
  }

  private static String describeMissing(String message) {
    String text = String.valueOf(message);
    // Generated builders report a null argument by the bare attribute name.
    return text.indexOf(' ') < 0 ? "attribute '" + text + "' must not be null" : text;
  }
}
