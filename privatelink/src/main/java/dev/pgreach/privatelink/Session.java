package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServerSetting;
import dev.pgreach.core.ServerState;
import dev.pgreach.core.ServerTier;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.core.StepEffect;
import dev.pgreach.core.TlsVersion;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The last step of a connection: does the server listen on the port, and does the client's TLS
 * (or lack of it) meet the server's settings?
 *
 * <p>Azure's rules: PostgreSQL listens on 5432; the built-in PgBouncer on 6432 when enabled, and
 * not on the Burstable tier. TLS 1.0 and 1.1 are always denied; the server accepts the versions
 * from {@code ssl_min_protocol_version} up to {@code ssl_max_protocol_version} (when set) that the
 * service profile supports. A client without TLS is refused while {@code require_secure_transport}
 * is on, and always under a profile where it cannot be turned off.
 */
final class Session {
  private Session() {}

  /**
   * The server's listener on the port. Where the tier or {@code pgbouncer.enabled} is unknown and
   * they decide whether anything listens on 6432, the step is undecided.
   */
  static ConnectStep port(FlexibleServer server, int port) {
    if (port == FlexibleServer.PGBOUNCER_PORT && (!server.isKnown(ServerSetting.PGBOUNCER) || !server.isKnown(ServerSetting.TIER))) {
      boolean pgBouncerKnown = server.isKnown(ServerSetting.PGBOUNCER);
      boolean tierKnown = server.isKnown(ServerSetting.TIER);
      boolean mayListen = (!pgBouncerKnown || server.pgBouncerEnabled()) && (!tierKnown || server.tier() != ServerTier.BURSTABLE);
      if (mayListen) {
        return new ConnectStep.Decision(
            ReasonCode.SETTING_UNKNOWN,
            server.id().toString(),
            "Whether PgBouncer listens on port 6432 of " + server.name() + " is not known from the input: "
                + (pgBouncerKnown ? "" : "pgbouncer.enabled is not known") + (pgBouncerKnown || tierKnown ? "" : " and ")
                + (tierKnown ? "" : "its tier is not known (Burstable has no PgBouncer)") + ".",
            StepEffect.UNKNOWN);
      }
    }
    if (server.listensOn(port)) {
      String what = port == FlexibleServer.PGBOUNCER_PORT ? "PgBouncer" : "PostgreSQL";
      return new ConnectStep.Port(server.id(), port, true, what + " on " + server.name() + " listens on port " + port + ".");
    }
    String why;
    if (port == FlexibleServer.PGBOUNCER_PORT && !server.pgBouncerEnabled()) {
      why = "PgBouncer is not enabled on " + server.name() + ", so nothing listens on port 6432.";
    } else if (port == FlexibleServer.PGBOUNCER_PORT) {
      why = "PgBouncer is not offered on the Burstable tier of " + server.name() + ", so nothing listens on port 6432.";
    } else {
      why = server.name() + " listens on 5432" + (server.listensOn(6432) ? " and 6432" : "") + ", not on port " + port + ".";
    }
    return new ConnectStep.Port(server.id(), port, false, why);
  }

  /**
   * Whether the client's TLS meets the server's settings. Where {@code require_secure_transport},
   * {@code ssl_min_protocol_version} or {@code ssl_max_protocol_version} are unknown, every value
   * Azure allows them to take is tried: when all give the same outcome it stands, otherwise the
   * step is undecided. Azure allows the two versions only among those the service profile
   * supports (under {@code current}: {@code TLSv1.2} and {@code TLSv1.3}, the maximum also unset),
   * with the maximum not below the minimum (a server refuses that pair); so a client offering TLS 1.2 and 1.3 is accepted
   * whatever they are, and a client offering only TLS 1.2 is undecided while the minimum is unknown.
   */
  static ConnectStep tls(FlexibleServer server, Client client, ServiceProfile profile) {
    boolean requireKnown = server.isKnown(ServerSetting.REQUIRE_SECURE_TRANSPORT);
    boolean minKnown = server.isKnown(ServerSetting.SSL_MIN_PROTOCOL_VERSION);
    boolean maxKnown = server.isKnown(ServerSetting.SSL_MAX_PROTOCOL_VERSION);
    ConnectStep.Tls asKnown = tls(server, client, profile, server.requireSecureTransport(), server.sslMinProtocolVersion(), server.sslMaxProtocolVersion());
    if (requireKnown && minKnown && maxKnown) {
      return asKnown;
    }
    List<Boolean> requires = requireKnown ? List.of(server.requireSecureTransport()) : List.of(true, false);
    List<TlsVersion> allowed = java.util.Arrays.stream(TlsVersion.values()).filter(profile::supportsTls).collect(Collectors.toList());
    Optional<TlsVersion> knownMax = maxKnown ? server.sslMaxProtocolVersion() : Optional.empty();
    List<TlsVersion> mins =
        minKnown
            ? List.of(server.sslMinProtocolVersion())
            : allowed.stream().filter(v -> knownMax.map(m -> v.compareTo(m) <= 0).orElse(true)).collect(Collectors.toList());
    if (mins.isEmpty()) { // a known maximum below every version the profile allows: no minimum is above it
      mins = List.of(server.sslMinProtocolVersion());
    }
    java.util.Map<StepEffect, ConnectStep.Tls> outcomes = new java.util.EnumMap<>(StepEffect.class);
    for (boolean require : requires) {
      for (TlsVersion min : mins) {
        List<Optional<TlsVersion>> maxes = new java.util.ArrayList<>();
        if (maxKnown) {
          maxes.add(server.sslMaxProtocolVersion());
        } else {
          maxes.add(Optional.empty());
          allowed.stream().filter(v -> v.compareTo(min) >= 0).forEach(v -> maxes.add(Optional.of(v)));
        }
        for (Optional<TlsVersion> max : maxes) {
          ConnectStep.Tls tried = tls(server, client, profile, require, min, max);
          outcomes.putIfAbsent(tried.effect(), tried);
        }
      }
    }
    if (outcomes.size() == 1) {
      // One outcome whatever the unknown settings are: the settings as read give it when they
      // are among the values tried; otherwise the first value tried stands for it.
      StepEffect only = outcomes.keySet().iterator().next();
      return asKnown.effect() == only ? asKnown : outcomes.get(only);
    }
    List<String> unknown = new java.util.ArrayList<>();
    if (!requireKnown) {
      unknown.add("require_secure_transport");
    }
    if (!minKnown) {
      unknown.add("ssl_min_protocol_version");
    }
    if (!maxKnown) {
      unknown.add("ssl_max_protocol_version");
    }
    return new ConnectStep.Decision(
        ReasonCode.SETTING_UNKNOWN,
        server.id().toString(),
        "Whether " + server.name() + " accepts " + (client.usesTls() ? "TLS " + names(client.tlsVersions()) : "a connection without TLS") + " from "
            + client.name() + " depends on " + String.join(", ", unknown) + ", which the input does not show (its server parameters are not all in it).",
        StepEffect.UNKNOWN);
  }

  /** The server's state: nothing to say when Ready; blocked when it runs no database; undecided when changing or unknown. */
  static Optional<ConnectStep> state(FlexibleServer server) {
    if (!server.isKnown(ServerSetting.STATE)) {
      return Optional.of(
          new ConnectStep.Decision(
              ReasonCode.SETTING_UNKNOWN,
              server.id().toString(),
              "The state of " + server.name() + " is not known from the input: a stopped server accepts no connection.",
              StepEffect.UNKNOWN));
    }
    ServerState state = server.state();
    if (state.acceptsConnections()) {
      return Optional.empty();
    }
    if (state.refusesConnections()) {
      return Optional.of(
          new ConnectStep.Decision(
              ReasonCode.SERVER_NOT_RUNNING,
              server.id().toString(),
              server.name() + " is " + state.armName() + ": it accepts no connection.",
              StepEffect.BLOCKED));
    }
    return Optional.of(
        new ConnectStep.Decision(
            ReasonCode.SERVER_STATE_CHANGING,
            server.id().toString(),
            server.name() + " is " + state.armName() + ": it may be unavailable until it is Ready again.",
            StepEffect.UNKNOWN));
  }

  private static ConnectStep.Tls tls(
      FlexibleServer server, Client client, ServiceProfile profile, boolean requireSecureTransport, TlsVersion min, Optional<TlsVersion> max) {
    boolean secureTransportRequired = requireSecureTransport || !profile.requireSecureTransportConfigurable();
    if (!client.usesTls()) {
      if (secureTransportRequired) {
        return new ConnectStep.Tls(
            server.id(),
            ReasonCode.TLS_REQUIRED,
            Optional.empty(),
            client.name() + " does not use TLS, but " + server.name() + " accepts only encrypted connections"
                + (requireSecureTransport ? " (require_secure_transport is ON)." : " under the " + profile.name() + " profile."));
      }
      return new ConnectStep.Tls(
          server.id(), ReasonCode.TLS_NOT_USED, Optional.empty(), "require_secure_transport is OFF: the session is not encrypted.");
    }
    List<TlsVersion> accepted = accepted(min, max, profile);
    Optional<TlsVersion> best =
        client.tlsVersions().stream().filter(accepted::contains).max(Comparator.naturalOrder());
    if (best.isPresent()) {
      return new ConnectStep.Tls(
          server.id(), ReasonCode.TLS_ACCEPTED, best, "TLS " + best.get().parameterValue() + " is accepted by " + server.name() + ".");
    }
    return new ConnectStep.Tls(
        server.id(),
        ReasonCode.TLS_REFUSED,
        Optional.empty(),
        client.name() + " offers " + names(client.tlsVersions()) + " but " + server.name() + " accepts only "
            + (accepted.isEmpty() ? "no version at all (check ssl_min_protocol_version)" : names(accepted))
            + "; TLS 1.0 and 1.1 are always denied.");
  }

  private static List<TlsVersion> accepted(TlsVersion min, Optional<TlsVersion> max, ServiceProfile profile) {
    return java.util.Arrays.stream(TlsVersion.values())
        .filter(profile::supportsTls)
        .filter(v -> v.compareTo(min) >= 0)
        .filter(v -> max.map(m -> v.compareTo(m) <= 0).orElse(true))
        .collect(Collectors.toList());
  }

  private static String names(java.util.Collection<TlsVersion> versions) {
    return versions.stream().sorted().map(TlsVersion::parameterValue).collect(Collectors.joining(", "));
  }
}
