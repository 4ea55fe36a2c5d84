package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.dns;
import static dev.pgreach.dns.TestEstate.ip;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class DnsRecordTest {
  @Test
  void factories_noTtlGiven_emptyTtlAndReadableText() {
    DnsRecord.A a = DnsRecord.a(RecordName.parse("crm"), ip("10.0.1.50"));
    DnsRecord.Cname c = DnsRecord.cname(RecordName.parse("db"), dns("crm.postgres.database.azure.com"));

    assertEquals(Optional.empty(), a.ttl());
    assertEquals("crm A 10.0.1.50", a.toString());
    assertEquals("db CNAME crm.postgres.database.azure.com", c.toString());
    assertEquals(Optional.of(Duration.ofSeconds(300)), c.withTtl(Duration.ofSeconds(300)).ttl());
    assertEquals(Optional.of(Duration.ZERO), a.withTtl(Duration.ZERO).ttl());
    assertEquals(Optional.of(DnsRecord.MAX_TTL), a.withTtl(DnsRecord.MAX_TTL).ttl());
  }

  static List<Duration> invalidTtls() {
    return List.of(Duration.ofSeconds(-1), Duration.ofMillis(1500), DnsRecord.MAX_TTL.plusSeconds(1));
  }

  @ParameterizedTest
  @MethodSource("invalidTtls")
  void withTtl_invalidTime_throwsInvalidValueNamingRecordFieldAndValue(Duration ttl) {
    PgreachException e = assertThrows(PgreachException.class, () -> DnsRecord.a(RecordName.parse("crm"), ip("10.0.1.50")).withTtl(ttl));

    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("DnsRecord.A[crm].ttl (" + ttl + ")"), e.getMessage());
  }

  @Test
  void cname_atApex_throwsInvalidValue() {
    PgreachException e = assertThrows(PgreachException.class, () -> DnsRecord.cname(RecordName.APEX, dns("x.contoso.com")));

    assertEquals(ErrorCode.INVALID_VALUE, e.code());
    assertTrue(e.getMessage().contains("DnsRecord.Cname[@].name (@)"), e.getMessage());
  }

  @Test
  void constructor_nullComponent_throwsMissingAttribute() {
    PgreachException e = assertThrows(PgreachException.class, () -> new DnsRecord.A(RecordName.APEX, null, Optional.empty()));

    assertEquals(ErrorCode.MISSING_ATTRIBUTE, e.code());
    assertTrue(e.getMessage().contains("DnsRecord.A.address"), e.getMessage());
  }
}
