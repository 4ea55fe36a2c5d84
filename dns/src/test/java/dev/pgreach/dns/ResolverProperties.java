package dev.pgreach.dns;

import static dev.pgreach.dns.TestEstate.HUB_VM;
import static dev.pgreach.dns.TestEstate.a;
import static dev.pgreach.dns.TestEstate.cname;
import static dev.pgreach.dns.TestEstate.dns;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.Finding;
import dev.pgreach.core.ReasonCode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;

class ResolverProperties {
  @Provide
  Arbitrary<GeneratedEstate> estates() {
    return GeneratedEstate.estates();
  }

  private static List<Resolution> everyAnswer(Resolver resolver, GeneratedEstate e) {
    List<Resolution> out = new ArrayList<>();
    for (ClientLocation c : e.clients) {
      for (DnsName n : e.names) {
        out.add(resolver.resolve(c, n));
      }
    }
    for (String v : GeneratedEstate.VNETS) {
      for (DnsName n : e.names) {
        out.add(resolver.resolveWithAzureProvidedDns(TestEstate.vnetId(v), n));
      }
    }
    return out;
  }

  @Property(tries = 150)
  void resolutionIsDeterministicAndNeverThrows(@ForAll("estates") GeneratedEstate e) {
    List<Resolution> first = everyAnswer(e.resolver(), e);
    List<Resolution> second = everyAnswer(e.resolver(), e);

    assertEquals(first, second);
    List<Finding> findings = DnsValidation.validate(e.spec.build(), e.profile);
    assertEquals(findings, DnsValidation.validate(e.spec.build(), e.profile));
    first.forEach(r -> Statistics.label("disposition").collect(r.disposition()));
    Statistics.label("disposition")
        .coverage(
            c -> {
              for (ResolutionDisposition d : ResolutionDisposition.values()) {
                c.check(d).percentage(p -> p > 1);
              }
            });
  }

  @Property(tries = 150)
  void answersDoNotDependOnTheOrderOfZonesRecordsLinksAndServers(@ForAll("estates") GeneratedEstate e, @ForAll Random random) {
    Resolver ordered = Resolver.of(e.spec.build(), e.profile);
    Resolver shuffled = Resolver.of(e.spec.build(random), e.profile);

    assertEquals(everyAnswer(ordered, e), everyAnswer(shuffled, e));
    assertEquals(DnsValidation.validate(ordered), DnsValidation.validate(shuffled));
  }

  @Property(tries = 200)
  void linkingOrUnlinkingAZoneChangesOnlyAnswersThatTouchItsNamespace(
      @ForAll("estates") GeneratedEstate e, @ForAll @IntRange(min = 0, max = 99) int zonePick, @ForAll @IntRange(min = 0, max = 2) int vnetPick) {
    List<TestEstate.ZoneSpec> zones = e.spec.zones();
    if (zones.isEmpty()) {
      return;
    }
    TestEstate.ZoneSpec zone = zones.get(zonePick % zones.size());
    String vnet = GeneratedEstate.VNETS.get(vnetPick);
    TestEstate toggled = e.spec.copy();
    boolean wasLinked = toggled.linked(zone.resourceGroup, zone.name, vnet);
    if (wasLinked) {
      toggled.unlink(zone.resourceGroup, zone.name, vnet);
    } else {
      boolean sameNameLinked =
          zones.stream().anyMatch(o -> o != zone && o.name.equals(zone.name) && o.links.stream().anyMatch(l -> l.vnet.equals(vnet)));
      if (sameNameLinked) {
        return; // Azure refuses such a link, and so does DnsEstate
      }
      toggled.linkIn(zone.resourceGroup, zone.name, vnet, ResolutionPolicy.DEFAULT, false);
    }
    ZoneName zoneName = ZoneName.parse(zone.name);

    List<Resolution> before = everyAnswer(Resolver.of(e.spec.build(), e.profile), e);
    List<Resolution> after = everyAnswer(Resolver.of(toggled.build(), e.profile), e);

    boolean changed = false;
    for (int i = 0; i < before.size(); i++) {
      Resolution b = before.get(i);
      Resolution a = after.get(i);
      if (!a.equals(b)) {
        changed = true;
        boolean touches =
            b.aliases().stream().anyMatch(zoneName::contains) || a.aliases().stream().anyMatch(zoneName::contains);
        assertTrue(touches, "zone " + zoneName + " changed\n" + b.explanation() + "\n---\n" + a.explanation());
      }
    }
    Statistics.label("some answer changed").collect(changed);
    Statistics.label("some answer changed").coverage(c -> c.check(true).percentage(p -> p > 10));
  }

  @Property(tries = 150)
  void aChainNeverExceedsTheDepthLimit(@ForAll("estates") GeneratedEstate e) {
    for (Resolution r : everyAnswer(e.resolver(), e)) {
      assertTrue(r.aliases().size() <= Resolver.MAX_CNAME_CHAIN + 1, r.explanation());
      List<List<DnsName>> followed = new ArrayList<>();
      r.steps().stream()
          .filter(DnsStep.CnameFollowed.class::isInstance)
          .map(DnsStep.CnameFollowed.class::cast)
          .forEach(s -> followed.add(List.of(s.name(), s.target())));
      for (int i = 1; i < r.aliases().size(); i++) {
        assertTrue(followed.contains(List.of(r.aliases().get(i - 1), r.aliases().get(i))), r.explanation());
      }
    }
  }

  @Property(tries = 60)
  void aChainOfAnyLengthResolvesUpToTheLimitAndFailsBeyondIt(@ForAll @IntRange(min = 0, max = 40) int length, @ForAll boolean closeTheLoop) {
    TestEstate estate = TestEstate.standard().zone("contoso.internal");
    for (int i = 0; i < length; i++) {
      estate.record("contoso.internal", cname("c" + i, "c" + (i + 1) + ".contoso.internal"));
    }
    estate.record("contoso.internal", closeTheLoop && length > 0 ? cname("c" + length, "c0.contoso.internal") : a("c" + length, "10.0.1.200"));
    estate.link("contoso.internal", "hub");

    Resolution r = estate.resolver().resolve(HUB_VM, dns("c0.contoso.internal"));

    assertTrue(r.aliases().size() <= Resolver.MAX_CNAME_CHAIN + 1);
    if (length > Resolver.MAX_CNAME_CHAIN) {
      assertEquals(ResolutionDisposition.FAILURE, r.disposition());
      assertEquals(ReasonCode.DNS_DEPTH_EXCEEDED, r.lastStep().code());
    } else if (closeTheLoop && length > 0) {
      assertEquals(ResolutionDisposition.FAILURE, r.disposition());
      assertEquals(ReasonCode.DNS_CNAME_LOOP, r.lastStep().code());
    } else {
      assertEquals(ResolutionDisposition.ADDRESS, r.disposition());
      assertEquals(length + 1, r.aliases().size());
    }
  }

  @Property(tries = 100)
  void everyAddressComesFromARecordOrAServerInTheEstate(@ForAll("estates") GeneratedEstate e) {
    DnsEstate built = e.spec.build();
    List<dev.pgreach.core.Ipv4Address> known = new ArrayList<>();
    built.privateDnsZones().forEach(z -> z.records().stream().filter(DnsRecord.A.class::isInstance).forEach(r -> known.add(((DnsRecord.A) r).address())));
    built.network().flexibleServers().forEach(s -> {
      s.privateAddress().ifPresent(known::add);
      s.publicAddress().ifPresent(known::add);
    });
    for (Resolution r : everyAnswer(Resolver.of(built, e.profile), e)) {
      assertTrue(known.containsAll(r.addresses()), r.explanation());
    }
  }

  @Property(tries = 150)
  void aVnetIntegratedServersNameInItsOwnZoneIsAnAddressInItsSubnetOrUnknownNeverNxdomain(@ForAll("estates") GeneratedEstate e) {
    DnsEstate built = e.spec.build();
    Resolver resolver = Resolver.of(built, e.profile);
    for (dev.pgreach.core.FlexibleServer s : built.network().flexibleServers()) {
      if (!s.isVnetIntegrated() || s.privateDnsZone().isEmpty() || ZoneName.tryParse(s.privateDnsZone().get().name()).isEmpty()) {
        continue;
      }
      dev.pgreach.core.ResourceId zone = s.privateDnsZone().get();
      DnsName name = ZoneName.parse(zone.name()).dnsName().prepend(s.name().toString());
      dev.pgreach.core.Ipv4Prefix subnet = built.network().subnet(s.delegatedSubnet().get()).orElseThrow().addressPrefix();
      for (String v : GeneratedEstate.VNETS) {
        Resolution r = resolver.resolveWithAzureProvidedDns(TestEstate.vnetId(v), name);
        DnsStep answer = r.steps().get(1);
        if (answer instanceof DnsStep.ZoneAnswered && ((DnsStep.ZoneAnswered) answer).zone().equals(zone)) {
          for (DnsRecord record : ((DnsStep.ZoneAnswered) answer).records()) {
            assertTrue(record instanceof DnsRecord.Cname || subnet.contains(((DnsRecord.A) record).address()), r.explanation());
          }
        } else if (answer instanceof DnsStep.ServerAddressUnknown) {
          assertEquals(zone, ((DnsStep.ServerAddressUnknown) answer).zone(), r.explanation());
          assertEquals(Optional.of(s.id()), r.serverAddressUnknown());
        } else if (answer instanceof DnsStep.NxDomain) {
          assertTrue(!((DnsStep.NxDomain) answer).zone().equals(Optional.of(zone)), r.explanation());
        }
        Statistics.label("answer in the server's own zone").collect(answer.code());
      }
    }
  }
}
