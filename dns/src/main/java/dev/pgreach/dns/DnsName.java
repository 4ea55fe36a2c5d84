package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServerName;
import java.util.Locale;
import java.util.Optional;

/**
 * A fully qualified DNS name, such as {@code orders-db.postgres.database.azure.com}.
 *
 * <p>Names compare case-insensitively, as DNS does, and are kept in lower case: {@code
 * Orders-DB.Postgres.Database.Azure.Com} and {@code orders-db.postgres.database.azure.com} are
 * the same name and print the same way. One trailing dot (the absolute form) is accepted and
 * dropped.
 *
 * <pre>{@code
 * DnsName fqdn = DnsName.parse("orders-db.postgres.database.azure.com");
 * fqdn.firstLabel();                                          // orders-db
 * fqdn.isWithin(DnsName.parse("postgres.database.azure.com")); // true
 * DnsName.of(ServerName.parse("orders-db")).equals(fqdn);      // true
 * }</pre>
 *
 * <p>Only syntax is checked, with the rules Azure DNS applies to record and zone names: at most
 * {@value #MAX_LENGTH} characters, labels of 1 to {@value #MAX_LABEL_LENGTH} letters, digits,
 * hyphens and underscores, not starting or ending with a hyphen. Wildcard labels ({@code *}) are
 * rejected: wildcard records are not modelled.
 */
public final class DnsName implements Comparable<DnsName> {
  /** The most characters a name may have, without the trailing dot. */
  public static final int MAX_LENGTH = 253;

  /** The most characters one label may have. */
  public static final int MAX_LABEL_LENGTH = 63;

  private final String text;
  private final ImmutableList<String> labels;

  private DnsName(String text, ImmutableList<String> labels) {
    this.text = text;
    this.labels = labels;
  }

  /**
   * Parses a DNS name.
   *
   * @param text such as {@code orders-db.postgres.database.azure.com}, with or without one
   *     trailing dot
   * @return the name, in lower case
   * @throws PgreachException {@link ErrorCode#INVALID_DNS_NAME} naming the rule that is broken;
   *     {@link ErrorCode#MISSING_ATTRIBUTE} for {@code null}
   */
  public static DnsName parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "DnsName text must not be null");
    }
    String problem = problem(text);
    if (problem != null) {
      throw PgreachException.of(ErrorCode.INVALID_DNS_NAME, "DnsName (\"%s\") %s", text, problem);
    }
    return ofValid(text);
  }

  /**
   * Parses a DNS name, or returns empty for text {@link #parse} rejects.
   *
   * @param text the candidate; {@code null} gives empty
   * @return the name, or empty
   */
  public static Optional<DnsName> tryParse(String text) {
    return text != null && problem(text) == null ? Optional.of(ofValid(text)) : Optional.empty();
  }

  /**
   * Tells whether {@link #parse} accepts the text.
   *
   * @param text the candidate; {@code null} gives {@code false}
   * @return whether it is a valid DNS name
   */
  public static boolean isValid(String text) {
    return text != null && problem(text) == null;
  }

  /**
   * Returns a flexible server's host name, {@code <name>.postgres.database.azure.com}, the name
   * Azure recommends clients use instead of an address.
   *
   * @param server the server name
   * @return the fully qualified domain name
   */
  public static DnsName of(ServerName server) {
    Checks.notNull(server, "DnsName.of.server");
    return parse(server.fullyQualifiedDomainName());
  }

  /**
   * Returns the labels, leftmost first.
   *
   * @return the labels in lower case
   */
  public ImmutableList<String> labels() {
    return labels;
  }

  /**
   * Returns the number of labels.
   *
   * @return at least 1
   */
  public int labelCount() {
    return labels.size();
  }

  /**
   * Returns the leftmost label, such as {@code orders-db} of {@code
   * orders-db.postgres.database.azure.com}.
   *
   * @return the first label
   */
  public String firstLabel() {
    return labels.get(0);
  }

  /**
   * Returns the name without its leftmost label.
   *
   * @return the parent, or empty for a one-label name
   */
  public Optional<DnsName> parent() {
    return labels.size() == 1
        ? Optional.empty()
        : Optional.of(new DnsName(text.substring(text.indexOf('.') + 1), labels.subList(1, labels.size())));
  }

  /**
   * Tells whether this name is {@code other} or lies below it.
   *
   * @param other a name, such as a zone's name
   * @return whether this name ends with all of {@code other}'s labels
   */
  public boolean isWithin(DnsName other) {
    Checks.notNull(other, "DnsName.isWithin.other");
    int offset = labels.size() - other.labels.size();
    return offset >= 0 && labels.subList(offset, labels.size()).equals(other.labels);
  }

  /**
   * Returns the name with one more label on the left.
   *
   * @param label the new leftmost label, such as a server name
   * @return the longer name
   * @throws PgreachException {@link ErrorCode#INVALID_DNS_NAME} when the label is not a valid
   *     label or the result is too long
   */
  public DnsName prepend(String label) {
    Checks.notNull(label, "DnsName.prepend.label");
    if (label.indexOf('.') >= 0 || label.isEmpty()) {
      throw PgreachException.of(ErrorCode.INVALID_DNS_NAME, "DnsName label (\"%s\") must be one non-empty label", label);
    }
    return parse(label + "." + text);
  }

  /** Orders names the DNS way (RFC 4034): by their labels from the right, so a zone sorts next to its names. */
  @Override
  public int compareTo(DnsName other) {
    int i = labels.size() - 1;
    int j = other.labels.size() - 1;
    while (i >= 0 && j >= 0) {
      int c = labels.get(i).compareTo(other.labels.get(j));
      if (c != 0) {
        return c;
      }
      i--;
      j--;
    }
    return Integer.compare(labels.size(), other.labels.size());
  }

  /** Names are equal when their lower-case texts are equal. */
  @Override
  public boolean equals(Object other) {
    return other instanceof DnsName && ((DnsName) other).text.equals(text);
  }

  @Override
  public int hashCode() {
    return text.hashCode();
  }

  /** Returns the name in lower case, without a trailing dot. */
  @Override
  public String toString() {
    return text;
  }

  private static DnsName ofValid(String text) {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    String lower = t.toLowerCase(Locale.ROOT);
    return new DnsName(lower, ImmutableList.copyOf(lower.split("\\.", -1)));
  }

  /** Returns what is wrong with the text as a DNS name, or null when it is valid. */
  static String problem(String text) {
    String t = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
    if (t.isEmpty()) {
      return "is empty; a DNS name has at least one label";
    }
    if (t.length() > MAX_LENGTH) {
      return "has " + t.length() + " characters; a DNS name has at most " + MAX_LENGTH;
    }
    String[] parts = t.split("\\.", -1);
    for (int i = 0; i < parts.length; i++) {
      String p = labelProblem(parts[i], i + 1);
      if (p != null) {
        return p;
      }
    }
    return null;
  }

  private static String labelProblem(String label, int position) {
    if (label.isEmpty()) {
      return "has an empty label at position " + position;
    }
    if (label.length() > MAX_LABEL_LENGTH) {
      return "has a label of " + label.length() + " characters at position " + position + "; a label has at most " + MAX_LABEL_LENGTH;
    }
    for (int i = 0; i < label.length(); i++) {
      char c = label.charAt(i);
      boolean ok = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_';
      if (!ok) {
        return "holds '" + c + "' in label \"" + label + "\"; only letters, digits, hyphens and underscores are allowed";
      }
    }
    if (label.startsWith("-") || label.endsWith("-")) {
      return "has label \"" + label + "\", which starts or ends with a hyphen";
    }
    return null;
  }
}
