package dev.pgreach.core;

import java.util.Comparator;
import org.immutables.value.Value;

/**
 * One validation result: a setting Azure rejects, accepts but does not honour, or that is risky.
 *
 * <p>A finding names the {@link #resource()} it is about, the {@link #field()} and the offending
 * {@link #value()}, and explains itself in {@link #message()}. Findings sort in a stable order
 * (resource, code, field, value), so equal estates give equal lists.
 */
@Value.Immutable
public abstract class Finding implements Comparable<Finding> {
  private static final Comparator<Finding> ORDER =
      Comparator.comparing(Finding::resource)
          .thenComparing(Finding::code)
          .thenComparing(Finding::field)
          .thenComparing(Finding::value)
          .thenComparing(Finding::message);

  Finding() {}

  /**
   * Returns the stable code.
   *
   * @return the code
   */
  public abstract FindingCode code();

  /**
   * Returns the severity, by default the code's.
   *
   * @return the severity
   */
  @Value.Default
  public Severity severity() {
    return code().severity();
  }

  /**
   * Returns the resource the finding is about, usually its resource id.
   *
   * @return the resource
   */
  public abstract String resource();

  /**
   * Returns the field of the resource, such as {@code addressPrefix}.
   *
   * @return the field name
   */
  public abstract String field();

  /**
   * Returns the offending value as text.
   *
   * @return the value
   */
  public abstract String value();

  /**
   * Returns a sentence explaining the finding and, where Azure documents one, the remedy.
   *
   * @return the message
   */
  public abstract String message();

  /**
   * Returns a finding with the code's severity.
   *
   * @param code the code
   * @param resource the resource, usually its id
   * @param field the field
   * @param value the offending value
   * @param message the explanation
   * @return the finding
   */
  public static Finding of(FindingCode code, Object resource, String field, Object value, String message) {
    return builder()
        .code(code)
        .resource(String.valueOf(resource))
        .field(field)
        .value(String.valueOf(value))
        .message(message)
        .build();
  }

  /**
   * Returns this finding as what it is when the input does not show what it relies on: severity
   * {@link Severity#ADVICE}, the message saying what is not in the input. A finding that relies on
   * the absence of something (no reverse peering, no link, no rule) is a fact only when the input
   * shows the collection in full; otherwise it is advice to look, never a warning or an error.
   *
   * @param missing what the input does not show, such as {@code the peerings of hub-vnet are not
   *     observed}
   * @return the finding with severity ADVICE and the reason appended to its message
   */
  public final Finding notInInput(String missing) {
    Checks.notNull(missing, "Finding.notInInput.missing");
    return builder()
        .code(code())
        .resource(resource())
        .field(field())
        .value(value())
        .severity(Severity.ADVICE)
        .message(message() + " Not in the input: " + missing + ", so this may not hold.")
        .build();
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  @Override
  public int compareTo(Finding other) {
    return ORDER.compare(this, other);
  }

  /** Returns {@code SEVERITY CODE resource.field (value): message}. */
  @Override
  public String toString() {
    return severity() + " " + code() + " " + resource() + "." + field() + " (" + value() + "): " + message();
  }

  /** Builds {@link Finding}s. */
  public static final class Builder extends ImmutableFinding.Builder {
    Builder() {}
  }
}
