package dev.pgreach.privatelink;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.Client;
import dev.pgreach.core.ClientLocation;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.Region;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.StepEffect;
import dev.pgreach.core.TlsVersion;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Assume;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

/**
 * The TLS step with server parameters the input does not show: it is decided exactly when every
 * value Azure allows them to take gives one outcome, and then it is that outcome.
 */
class SessionTlsProperties {
  private static final ResourceId SERVER = ResourceId.of("11111111-1111-1111-1111-111111111111", "data", FlexibleServer.RESOURCE_TYPE, "orders-db");
  private static final List<ServiceProfile> PROFILES = List.of(ServiceProfile.current(), ServiceProfile.preview2021());

  @Property(tries = 300)
  void unknownSettings_areDecidedExactlyWhenEveryAllowedValueAgrees(
      @ForAll("offers") Set<TlsVersion> offered,
      @ForAll("unknown") Set<ServerSetting> unknown,
      @ForAll boolean require,
      @ForAll("allowedMin") TlsVersion min,
      @ForAll("max") Optional<TlsVersion> max,
      @ForAll("profile") ServiceProfile profile) {
    Assume.that(profile.supportsTls(min) && max.map(profile::supportsTls).orElse(true)); // values Azure accepts
    Optional<TlsVersion> maxAtLeastMin = max.filter(m -> m.compareTo(min) >= 0);
    FlexibleServer server = server(require, min, maxAtLeastMin, unknown);
    Client client = client(offered);

    ConnectStep step = Session.tls(server, client, profile);

    // The reference: every completion of the unknown settings with values Azure allows.
    Set<StepEffect> outcomes = EnumSet.noneOf(StepEffect.class);
    for (boolean r : unknown.contains(ServerSetting.REQUIRE_SECURE_TRANSPORT) ? List.of(true, false) : List.of(require)) {
      for (TlsVersion lo : unknown.contains(ServerSetting.SSL_MIN_PROTOCOL_VERSION) ? allowed(profile) : List.of(min)) {
        if (!unknown.contains(ServerSetting.SSL_MAX_PROTOCOL_VERSION) && maxAtLeastMin.map(m -> m.compareTo(lo) < 0).orElse(false)) {
          continue; // a minimum above the known maximum is not a setting a server can have
        }
        List<Optional<TlsVersion>> his = new ArrayList<>();
        if (unknown.contains(ServerSetting.SSL_MAX_PROTOCOL_VERSION)) {
          his.add(Optional.empty());
          allowed(profile).stream().filter(v -> v.compareTo(lo) >= 0).forEach(v -> his.add(Optional.of(v)));
        } else {
          his.add(maxAtLeastMin);
        }
        for (Optional<TlsVersion> hi : his) {
          outcomes.add(Session.tls(server(r, lo, hi, Set.of()), client, profile).effect());
        }
      }
    }
    if (outcomes.size() == 1) {
      assertEquals(outcomes.iterator().next(), step.effect(), step.toString());
    } else {
      assertEquals(StepEffect.UNKNOWN, step.effect(), step.toString());
      assertEquals(ReasonCode.SETTING_UNKNOWN, step.code());
    }
  }

  @Property(tries = 200)
  void knowingMoreSettings_neverFlipsADecidedStep(
      @ForAll("offers") Set<TlsVersion> offered,
      @ForAll("unknown") Set<ServerSetting> unknown,
      @ForAll boolean require,
      @ForAll("allowedMin") TlsVersion min,
      @ForAll("profile") ServiceProfile profile) {
    Assume.that(profile.supportsTls(min)); // a value Azure accepts
    Client client = client(offered);
    ConnectStep partial = Session.tls(server(require, min, Optional.empty(), unknown), client, profile);
    ConnectStep whole = Session.tls(server(require, min, Optional.empty(), Set.of()), client, profile);
    assertTrue(partial.effect() == StepEffect.UNKNOWN || partial.effect() == whole.effect(), partial + " vs " + whole);
  }

  @Test
  void aClientOfferingTls12And13_isAcceptedWhateverTheUnknownTlsParametersAre() {
    FlexibleServer server = server(true, TlsVersion.TLS_1_2, Optional.empty(), EnumSet.of(ServerSetting.REQUIRE_SECURE_TRANSPORT, ServerSetting.SSL_MIN_PROTOCOL_VERSION, ServerSetting.SSL_MAX_PROTOCOL_VERSION));
    ConnectStep step = Session.tls(server, client(EnumSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3)), ServiceProfile.current());
    assertEquals(ReasonCode.TLS_ACCEPTED, step.code(), step.toString());
  }

  @Test
  void aClientOfferingOnlyTls12_dependsOnAnUnknownMinimum() {
    FlexibleServer server = server(true, TlsVersion.TLS_1_2, Optional.empty(), EnumSet.of(ServerSetting.SSL_MIN_PROTOCOL_VERSION));
    ConnectStep step = Session.tls(server, client(EnumSet.of(TlsVersion.TLS_1_2)), ServiceProfile.current());
    assertEquals(ReasonCode.SETTING_UNKNOWN, step.code(), step.toString());
    assertTrue(step.toString().contains("ssl_min_protocol_version"), step.toString());
  }

  @Test
  void aClientWithoutTls_dependsOnAnUnknownRequireSecureTransport() {
    FlexibleServer server = server(true, TlsVersion.TLS_1_2, Optional.empty(), EnumSet.of(ServerSetting.REQUIRE_SECURE_TRANSPORT));
    assertEquals(ReasonCode.SETTING_UNKNOWN, Session.tls(server, client(Set.of()), ServiceProfile.current()).code());
    // Under the preview every connection is encrypted, whatever the parameter says.
    assertEquals(ReasonCode.TLS_REQUIRED, Session.tls(server, client(Set.of()), ServiceProfile.preview2021()).code());
  }

  private static List<TlsVersion> allowed(ServiceProfile profile) {
    List<TlsVersion> allowed = new ArrayList<>();
    for (TlsVersion v : TlsVersion.values()) {
      if (profile.supportsTls(v)) {
        allowed.add(v);
      }
    }
    return allowed;
  }

  private static FlexibleServer server(boolean require, TlsVersion min, Optional<TlsVersion> max, Set<ServerSetting> unknown) {
    return FlexibleServer.builder()
        .id(SERVER)
        .region(Region.parse("westeurope"))
        .requireSecureTransport(require)
        .sslMinProtocolVersion(min)
        .sslMaxProtocolVersion(max)
        .addAllUnknownSettings(unknown)
        .build();
  }

  private static Client client(Set<TlsVersion> offered) {
    return Client.builder().name("c").location(new ClientLocation.Internet(Ipv4Address.parse("198.51.100.7"))).tlsVersions(com.google.common.collect.ImmutableSet.copyOf(offered)).build();
  }

  @Provide
  Arbitrary<Set<TlsVersion>> offers() {
    return Arbitraries.of(TlsVersion.class).set();
  }

  @Provide
  Arbitrary<Set<ServerSetting>> unknown() {
    return Arbitraries.of(ServerSetting.REQUIRE_SECURE_TRANSPORT, ServerSetting.SSL_MIN_PROTOCOL_VERSION, ServerSetting.SSL_MAX_PROTOCOL_VERSION).set();
  }

  @Provide
  Arbitrary<TlsVersion> allowedMin() {
    return Arbitraries.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);
  }

  @Provide
  Arbitrary<Optional<TlsVersion>> max() {
    return Arbitraries.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3).optional();
  }

  @Provide
  Arbitrary<ServiceProfile> profile() {
    return Arbitraries.of(PROFILES);
  }
}
