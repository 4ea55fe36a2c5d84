package dev.pgreach.dns;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServerName;
import java.util.Optional;

/**
 * The name of a DNS zone, such as {@code privatelink.postgres.database.azure.com}.
 *
 * <p>A zone name is a {@link DnsName} of at least two labels (Azure private DNS zones cannot be
 * single-label names). It is a separate type so that a zone can never be passed where a host name
 * is wanted.
 *
 * <pre>{@code
 * ZoneName zone = ZoneName.parse("orders-db.private.postgres.database.azure.com");
 * zone.contains(DnsName.parse("orders-db.orders-db.private.postgres.database.azure.com")); // true
 * zone.isWithin(ZoneName.POSTGRES);                                                     // true
 * }</pre>
 */
public final class ZoneName implements Comparable<ZoneName> {
  /** The public zone of every flexible server's host name, {@value ServerName#DNS_SUFFIX}. */
  public static final ZoneName POSTGRES = parse(ServerName.DNS_SUFFIX);

  /**
   * {@code privatelink.postgres.database.azure.com}, the zone Azure's public DNS points a server
   * with private endpoints into, and the only name for which private endpoint DNS integration is
   * configured automatically.
   */
  public static final ZoneName POSTGRES_PRIVATELINK = parse("privatelink." + ServerName.DNS_SUFFIX);

  /**
   * {@code private.postgres.database.azure.com}, the suffix of the zones Azure provisions for
   * VNet-integrated servers ({@code <server>.private.postgres.database.azure.com}).
   */
  public static final ZoneName POSTGRES_PRIVATE = parse("private." + ServerName.DNS_SUFFIX);

  private final DnsName name;

  private ZoneName(DnsName name) {
    this.name = name;
  }

  /**
   * Parses a zone name.
   *
   * @param text such as {@code privatelink.postgres.database.azure.com}
   * @return the zone name, in lower case
   * @throws PgreachException {@link ErrorCode#INVALID_DNS_NAME} when the text is not a DNS name or
   *     has a single label; {@link ErrorCode#MISSING_ATTRIBUTE} for {@code null}
   */
  public static ZoneName parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "ZoneName text must not be null");
    }
    String problem = problem(text);
    if (problem != null) {
      throw PgreachException.of(ErrorCode.INVALID_DNS_NAME, "ZoneName (\"%s\") %s", text, problem);
    }
    return new ZoneName(DnsName.parse(text));
  }

  /**
   * Parses a zone name, or returns empty for text {@link #parse} rejects.
   *
   * @param text the candidate; {@code null} gives empty
   * @return the zone name, or empty
   */
  public static Optional<ZoneName> tryParse(String text) {
    return text != null && problem(text) == null ? Optional.of(new ZoneName(DnsName.parse(text))) : Optional.empty();
  }

  /**
   * Tells whether {@link #parse} accepts the text.
   *
   * @param text the candidate; {@code null} gives {@code false}
   * @return whether it is a valid zone name
   */
  public static boolean isValid(String text) {
    return text != null && problem(text) == null;
  }

  /**
   * Returns the zone whose name is this DNS name.
   *
   * @param name a name of at least two labels
   * @return the zone name
   * @throws PgreachException {@link ErrorCode#INVALID_DNS_NAME} for a one-label name
   */
  public static ZoneName of(DnsName name) {
    Checks.notNull(name, "ZoneName.of.name");
    return parse(name.toString());
  }

  /**
   * Returns the zone name as a DNS name.
   *
   * @return the name
   */
  public DnsName dnsName() {
    return name;
  }

  /**
   * Returns the leftmost label.
   *
   * @return such as {@code privatelink}
   */
  public String firstLabel() {
    return name.firstLabel();
  }

  /**
   * Tells whether a name lies in this zone's namespace: it is the zone's name or below it.
   *
   * @param candidate a name
   * @return whether the zone could hold a record for it
   */
  public boolean contains(DnsName candidate) {
    Checks.notNull(candidate, "ZoneName.contains.candidate");
    return candidate.isWithin(name);
  }

  /**
   * Tells whether this zone's name is {@code other} or lies below it.
   *
   * @param other another zone name
   * @return whether this zone is {@code other} or a subzone of it
   */
  public boolean isWithin(ZoneName other) {
    Checks.notNull(other, "ZoneName.isWithin.other");
    return name.isWithin(other.name);
  }

  /**
   * Tells whether two zones' namespaces overlap: the names are the same, or one lies below the
   * other. Azure refuses to link one virtual network to two such zones.
   *
   * @param other another zone name
   * @return whether the namespaces overlap
   */
  public boolean overlaps(ZoneName other) {
    return isWithin(other) || other.isWithin(this);
  }

  /**
   * Returns a name relative to this zone.
   *
   * @param candidate a name
   * @return the record name ({@code @} for the zone's own name), or empty when the name is not in
   *     this zone's namespace
   */
  public Optional<RecordName> relativize(DnsName candidate) {
    if (!contains(candidate)) {
      return Optional.empty();
    }
    int keep = candidate.labelCount() - name.labelCount();
    return Optional.of(RecordName.ofLabels(candidate.labels().subList(0, keep)));
  }

  /**
   * Tells whether this is a Private Link zone, whose name starts with {@code privatelink.} Only
   * links to such zones honour {@link ResolutionPolicy#NX_DOMAIN_REDIRECT}.
   *
   * @return whether the first label is {@code privatelink}
   */
  public boolean isPrivatelinkZone() {
    return name.firstLabel().equals("privatelink");
  }

  /** Orders zone names the way {@link DnsName} orders names. */
  @Override
  public int compareTo(ZoneName other) {
    return name.compareTo(other.name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof ZoneName && ((ZoneName) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Returns the name in lower case. */
  @Override
  public String toString() {
    return name.toString();
  }

  private static String problem(String text) {
    String p = DnsName.problem(text);
    if (p != null) {
      return p;
    }
    return DnsName.parse(text).labelCount() < 2 ? "has one label; a zone name has at least two" : null;
  }
}
