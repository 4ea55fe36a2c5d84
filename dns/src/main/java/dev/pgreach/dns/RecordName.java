package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.Locale;
import java.util.Optional;

/**
 * The name of a record relative to its zone, as the portal and ARM write it: {@code @} for the
 * zone apex, or one or more labels such as {@code orders-db} or {@code a.b}.
 *
 * <pre>{@code
 * RecordName orders = RecordName.parse("orders-db");
 * orders.in(ZoneName.POSTGRES_PRIVATELINK);   // orders-db.privatelink.postgres.database.azure.com
 * RecordName.parse("@").isApex();             // true
 * }</pre>
 *
 * <p>Names compare case-insensitively and are kept in lower case. Labels follow {@link DnsName}'s
 * rules; whether the name fits in 253 characters once its zone is appended is checked by {@link
 * #in(ZoneName)}.
 */
public final class RecordName implements Comparable<RecordName> {
  /** The zone apex, written {@code @}. */
  public static final RecordName APEX = new RecordName(ImmutableList.of());

  private final ImmutableList<String> labels;

  private RecordName(ImmutableList<String> labels) {
    this.labels = labels;
  }

  /**
   * Parses a relative record name.
   *
   * @param text {@code @} for the apex, or relative labels such as {@code orders-db}
   * @return the name
   * @throws PgreachException {@link ErrorCode#INVALID_DNS_NAME} naming the rule that is broken
   *     (a trailing dot is not allowed: the name is relative); {@link ErrorCode#MISSING_ATTRIBUTE}
   *     for {@code null}
   */
  public static RecordName parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "RecordName text must not be null");
    }
    String problem = problem(text);
    if (problem != null) {
      throw PgreachException.of(ErrorCode.INVALID_DNS_NAME, "RecordName (\"%s\") %s", text, problem);
    }
    return ofValid(text);
  }

  /**
   * Parses a relative record name, or returns empty for text {@link #parse} rejects.
   *
   * @param text the candidate; {@code null} gives empty
   * @return the name, or empty
   */
  public static Optional<RecordName> tryParse(String text) {
    return text != null && problem(text) == null ? Optional.of(ofValid(text)) : Optional.empty();
  }

  /**
   * Tells whether {@link #parse} accepts the text.
   *
   * @param text the candidate; {@code null} gives {@code false}
   * @return whether it is a valid relative record name
   */
  public static boolean isValid(String text) {
    return text != null && problem(text) == null;
  }

  /** Returns the relative name for labels already checked and in lower case (empty for the apex). */
  static RecordName ofLabels(ImmutableList<String> labels) {
    return labels.isEmpty() ? APEX : new RecordName(labels);
  }

  /**
   * Tells whether this is the zone apex.
   *
   * @return whether the name is {@code @}
   */
  public boolean isApex() {
    return labels.isEmpty();
  }

  /**
   * Returns the labels, leftmost first.
   *
   * @return the labels in lower case; empty for the apex
   */
  public ImmutableList<String> labels() {
    return labels;
  }

  /**
   * Returns the absolute name of this record in a zone.
   *
   * @param zone the zone
   * @return the fully qualified name
   * @throws PgreachException {@link ErrorCode#INVALID_DNS_NAME} when the result exceeds 253
   *     characters
   */
  public DnsName in(ZoneName zone) {
    Checks.notNull(zone, "RecordName.in.zone");
    return isApex() ? zone.dnsName() : DnsName.parse(this + "." + zone);
  }

  @Override
  public int compareTo(RecordName other) {
    return toString().compareTo(other.toString());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof RecordName && ((RecordName) other).labels.equals(labels);
  }

  @Override
  public int hashCode() {
    return labels.hashCode();
  }

  /** Returns {@code @} for the apex, else the labels joined by dots, in lower case. */
  @Override
  public String toString() {
    return isApex() ? "@" : String.join(".", labels);
  }

  private static RecordName ofValid(String text) {
    if (text.equals("@")) {
      return APEX;
    }
    return new RecordName(ImmutableList.copyOf(text.toLowerCase(Locale.ROOT).split("\\.", -1)));
  }

  private static String problem(String text) {
    if (text.equals("@")) {
      return null;
    }
    if (text.endsWith(".")) {
      return "ends with a dot; a record name is relative to its zone (use @ for the apex)";
    }
    return DnsName.problem(text);
  }
}
