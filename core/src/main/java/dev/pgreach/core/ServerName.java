package dev.pgreach.core;

import java.util.Optional;

/**
 * The name of a flexible server, which is also the first label of its host name {@code
 * <name>.postgres.database.azure.com}.
 *
 * <p>Azure's documented rule: 3 to 63 characters; lowercase letters, digits and hyphens; not
 * starting or ending with a hyphen. (The REST schema is looser and allows upper case; pgreach
 * follows the documented rule, so a name Azure documents as invalid is never accepted.)
 */
public final class ServerName implements Comparable<ServerName> {
  /** The DNS suffix Azure appends to a server name to form its host name. */
  public static final String DNS_SUFFIX = "postgres.database.azure.com";

  private final String name;

  private ServerName(String name) {
    this.name = name;
  }

  /**
   * Parses a server name.
   *
   * @param text such as {@code orders-db}
   * @return the name
   * @throws PgreachException {@link ErrorCode#INVALID_SERVER_NAME} with the rule that is broken
   */
  public static ServerName parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "ServerName text must not be null");
    }
    String problem = problem(text);
    if (problem != null) {
      throw PgreachException.of(ErrorCode.INVALID_SERVER_NAME, "ServerName (\"%s\") %s", text, problem);
    }
    return new ServerName(text);
  }

  /**
   * Parses a server name, or returns empty for text {@link #parse} rejects.
   *
   * @param text the candidate; {@code null} gives empty
   * @return the name, or empty
   */
  public static Optional<ServerName> tryParse(String text) {
    return text != null && problem(text) == null ? Optional.of(new ServerName(text)) : Optional.empty();
  }

  /**
   * Tells whether {@link #parse} accepts the text.
   *
   * @param text the candidate; {@code null} gives {@code false}
   * @return whether it is a valid server name
   */
  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /**
   * Returns the server's fully qualified domain name, {@code <name>.postgres.database.azure.com}.
   *
   * @return the host name clients should use
   */
  public String fullyQualifiedDomainName() {
    return name + "." + DNS_SUFFIX;
  }

  @Override
  public int compareTo(ServerName other) {
    return name.compareTo(other.name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ServerName && ((ServerName) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Returns the name. */
  @Override
  public String toString() {
    return name;
  }

  private static String problem(String text) {
    if (text.length() < 3 || text.length() > 63) {
      return "has " + text.length() + " characters; a server name has 3 to 63";
    }
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '-')) {
        return "holds '" + c + "'; only lowercase letters, digits and hyphens are allowed";
      }
    }
    if (text.startsWith("-") || text.endsWith("-")) {
      return "starts or ends with a hyphen";
    }
    return null;
  }
}
