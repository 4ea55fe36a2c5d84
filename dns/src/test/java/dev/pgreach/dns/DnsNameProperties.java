package dev.pgreach.dns;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

class DnsNameProperties {
  @Provide
  Arbitrary<String> labels() {
    Arbitrary<String> inner = Arbitraries.strings().withChars("abcXYZ019-_").ofMinLength(0).ofMaxLength(61);
    Arbitrary<Character> edge = Arbitraries.of('a', 'Z', '7', '_');
    return net.jqwik.api.Combinators.combine(edge, inner, edge).as((x, m, y) -> m.isEmpty() ? "" + x : x + m + y);
  }

  @Provide
  Arbitrary<String> names() {
    return labels().list().ofMinSize(1).ofMaxSize(5).map(l -> String.join(".", l)).filter(n -> n.length() <= DnsName.MAX_LENGTH);
  }

  @Property
  void parsingTheTextOfANameGivesTheSameName(@ForAll("names") String text) {
    DnsName n = DnsName.parse(text);

    assertEquals(n, DnsName.parse(n.toString()));
    assertEquals(n, DnsName.parse(text + "."));
    assertEquals(text.toLowerCase(Locale.ROOT), n.toString());
  }

  @Property
  void namesThatDifferOnlyInCaseAreEqualAndOrderAlike(@ForAll("names") String a, @ForAll("names") String b) {
    DnsName lower = DnsName.parse(a.toLowerCase(Locale.ROOT));
    DnsName upper = DnsName.parse(a.toUpperCase(Locale.ROOT));

    assertEquals(lower, upper);
    assertEquals(lower.hashCode(), upper.hashCode());
    assertEquals(Integer.signum(lower.compareTo(DnsName.parse(b))), Integer.signum(upper.compareTo(DnsName.parse(b))));
  }

  @Property
  void aNameIsWithinEachOfItsParents(@ForAll("names") String text) {
    DnsName n = DnsName.parse(text);
    for (DnsName p = n; ; p = p.parent().orElseThrow()) {
      assertTrue(n.isWithin(p));
      assertTrue(n.equals(p) || !p.isWithin(n));
      if (p.parent().isEmpty()) {
        break;
      }
    }
  }

  @Property
  void isValidAgreesWithTryParseAndParse(@ForAll String text) {
    boolean valid = DnsName.isValid(text);

    assertEquals(valid, DnsName.tryParse(text).isPresent());
    if (!valid) {
      assertTrue(org.junit.jupiter.api.Assertions.assertThrows(dev.pgreach.core.PgreachException.class, () -> DnsName.parse(text)).getMessage().startsWith("DnsName"));
    }
  }

  @Property
  void aRecordNameInAZoneIsWithinTheZoneAndRelativizesBack(@ForAll("names") String record, @ForAll("names") String zone) {
    String z = zone.contains(".") ? zone : zone + ".com";
    if (record.length() + 1 + z.length() > DnsName.MAX_LENGTH) {
      return;
    }
    ZoneName zoneName = ZoneName.parse(z);
    RecordName r = RecordName.parse(record);

    DnsName absolute = r.in(zoneName);

    assertTrue(zoneName.contains(absolute));
    assertEquals(java.util.Optional.of(r), zoneName.relativize(absolute));
    assertEquals(List.copyOf(r.labels()), absolute.labels().subList(0, r.labels().size()));
  }
}
