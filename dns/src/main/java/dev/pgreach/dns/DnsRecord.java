package dev.pgreach.dns;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import java.time.Duration;
import java.util.Optional;

/**
 * A record in a private DNS zone: an {@link A} record (a name to an IPv4 address) or a {@link
 * Cname} record (a name to another name). These are the two types that decide where a PostgreSQL
 * client connects; AAAA, PTR, MX, SRV, TXT and the zone's own SOA record are not modelled.
 *
 * <p>Several A records with one name form a record set: the name resolves to all of their
 * addresses. A CNAME record must be alone at its name and cannot be at the zone apex; {@link
 * PrivateDnsZone} checks both.
 *
 * <pre>{@code
 * DnsRecord endpoint = DnsRecord.a(RecordName.parse("orders-db"), Ipv4Address.parse("10.1.2.5"));
 * DnsRecord alias = DnsRecord.cname(RecordName.parse("db"), DnsName.parse("orders-db.postgres.database.azure.com"))
 *     .withTtl(Duration.ofMinutes(5));
 * }</pre>
 *
 * <p>The time to live is kept as written; answers never expire, because pgreach has no clock and
 * no cache.
 */
public sealed interface DnsRecord {
  /** The longest time to live Azure accepts, 2147483647 seconds. */
  Duration MAX_TTL = Duration.ofSeconds(Integer.MAX_VALUE);

  /**
   * Returns the record's name relative to its zone.
   *
   * @return the name
   */
  RecordName name();

  /**
   * Returns the time to live, when one was given.
   *
   * @return the TTL, or empty
   */
  Optional<Duration> ttl();

  /**
   * Returns an A record without a TTL.
   *
   * @param name the relative name
   * @param address the address
   * @return the record
   */
  static A a(RecordName name, Ipv4Address address) {
    return new A(name, address, Optional.empty());
  }

  /**
   * Returns a CNAME record without a TTL.
   *
   * @param name the relative name
   * @param target the canonical name it points to
   * @return the record
   */
  static Cname cname(RecordName name, DnsName target) {
    return new Cname(name, target, Optional.empty());
  }

  /**
   * An A record: the name resolves to an IPv4 address.
   *
   * @param name the name relative to the zone
   * @param address the address
   * @param ttl the time to live, if given: whole seconds from 0 to 2147483647
   */
  record A(RecordName name, Ipv4Address address, Optional<Duration> ttl) implements DnsRecord {
    /** {@return the name relative to the zone} */
    public RecordName name() {
      return name;
    }

    /** {@return the address} */
    public Ipv4Address address() {
      return address;
    }

    /** {@return the time to live, if given: whole seconds from 0 to 2147483647} */
    public Optional<Duration> ttl() {
      return ttl;
    }

    /**
     * Checks the components.
     *
     * @param name the name relative to the zone
     * @param address the address
     * @param ttl the time to live, if given: whole seconds from 0 to 2147483647
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component; {@link
     *     ErrorCode#INVALID_VALUE} for a TTL that is negative, not whole seconds or too long
     */
    public A {
      Checks.notNull(name, "DnsRecord.A.name");
      Checks.notNull(address, "DnsRecord.A.address");
      Checks.notNull(ttl, "DnsRecord.A.ttl");
      ttl.ifPresent(t -> checkTtl(t, "A[" + name + "]"));
    }

    /**
     * Returns this record with a time to live.
     *
     * @param time the TTL
     * @return a copy with the TTL
     * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for a TTL that is negative, not
     *     whole seconds or longer than {@link DnsRecord#MAX_TTL}
     */
    public A withTtl(Duration time) {
      return new A(name, address, Optional.of(Checks.notNull(time, "DnsRecord.A.ttl")));
    }

    /** Returns {@code name A address}. */
    @Override
    public String toString() {
      return name + " A " + address;
    }
  }

  /**
   * A CNAME record: the name is an alias of another name, which is resolved in turn.
   *
   * @param name the name relative to the zone; never the apex
   * @param target the canonical name, absolute
   * @param ttl the time to live, if given: whole seconds from 0 to 2147483647
   */
  record Cname(RecordName name, DnsName target, Optional<Duration> ttl) implements DnsRecord {
    /** {@return the name relative to the zone; never the apex} */
    public RecordName name() {
      return name;
    }

    /** {@return the canonical name, absolute} */
    public DnsName target() {
      return target;
    }

    /** {@return the time to live, if given: whole seconds from 0 to 2147483647} */
    public Optional<Duration> ttl() {
      return ttl;
    }

    /**
     * Checks the components.
     *
     * @param name the name relative to the zone; never the apex
     * @param target the canonical name, absolute
     * @param ttl the time to live, if given: whole seconds from 0 to 2147483647
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component; {@link
     *     ErrorCode#INVALID_VALUE} for a CNAME at the zone apex or a bad TTL
     */
    public Cname {
      Checks.notNull(name, "DnsRecord.Cname.name");
      Checks.notNull(target, "DnsRecord.Cname.target");
      Checks.notNull(ttl, "DnsRecord.Cname.ttl");
      if (name.isApex()) {
        throw PgreachException.of(
            ErrorCode.INVALID_VALUE,
            "DnsRecord.Cname[@].name (@) must not be the zone apex, which holds the zone's SOA record; target was %s",
            target);
      }
      ttl.ifPresent(t -> checkTtl(t, "Cname[" + name + "]"));
    }

    /**
     * Returns this record with a time to live.
     *
     * @param time the TTL
     * @return a copy with the TTL
     * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for a TTL that is negative, not
     *     whole seconds or longer than {@link DnsRecord#MAX_TTL}
     */
    public Cname withTtl(Duration time) {
      return new Cname(name, target, Optional.of(Checks.notNull(time, "DnsRecord.Cname.ttl")));
    }

    /** Returns {@code name CNAME target}. */
    @Override
    public String toString() {
      return name + " CNAME " + target;
    }
  }

  private static void checkTtl(Duration ttl, String record) {
    if (ttl.isNegative() || ttl.getNano() != 0 || ttl.compareTo(MAX_TTL) > 0) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE,
          "DnsRecord.%s.ttl (%s) must be whole seconds from 0 to %d",
          record,
          ttl,
          MAX_TTL.getSeconds());
    }
  }
}
