package dev.pgreach.privatelink;

import dev.pgreach.core.Client;
import dev.pgreach.core.FlexibleServer;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ServiceProfile;
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

  static ConnectStep.Port port(FlexibleServer server, int port) {
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

  static ConnectStep.Tls tls(FlexibleServer server, Client client, ServiceProfile profile) {
    boolean secureTransportRequired = server.requireSecureTransport() || !profile.requireSecureTransportConfigurable();
    if (!client.usesTls()) {
      if (secureTransportRequired) {
        return new ConnectStep.Tls(
            server.id(),
            ReasonCode.TLS_REQUIRED,
            Optional.empty(),
            client.name() + " does not use TLS, but " + server.name() + " accepts only encrypted connections"
                + (server.requireSecureTransport() ? " (require_secure_transport is ON)." : " under the " + profile.name() + " profile."));
      }
      return new ConnectStep.Tls(
          server.id(), ReasonCode.TLS_NOT_USED, Optional.empty(), "require_secure_transport is OFF: the session is not encrypted.");
    }
    List<TlsVersion> accepted = accepted(server, profile);
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

  private static List<TlsVersion> accepted(FlexibleServer server, ServiceProfile profile) {
    return java.util.Arrays.stream(TlsVersion.values())
        .filter(profile::supportsTls)
        .filter(v -> v.compareTo(server.sslMinProtocolVersion()) >= 0)
        .filter(v -> server.sslMaxProtocolVersion().map(max -> v.compareTo(max) <= 0).orElse(true))
        .collect(Collectors.toList());
  }

  private static String names(java.util.Collection<TlsVersion> versions) {
    return versions.stream().sorted().map(TlsVersion::parameterValue).collect(Collectors.joining(", "));
  }
}
