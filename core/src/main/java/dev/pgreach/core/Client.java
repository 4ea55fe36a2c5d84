package dev.pgreach.core;

import com.google.common.collect.ImmutableSet;
import org.immutables.value.Value;

/**
 * A client that wants to reach a server: a name for reports, a {@link ClientLocation}, and the TLS
 * versions it offers.
 *
 * <pre>{@code
 * Client app = Client.builder()
 *     .name("orders-api")
 *     .location(ClientLocation.InVirtualNetwork.of(appSubnet.id(), Ipv4Address.parse("10.1.0.4")))
 *     .build();                                   // offers TLS 1.2 and 1.3
 * Client legacy = Client.builder().name("batch").location(loc).tlsVersions(ImmutableSet.of()).build(); // no TLS
 * }</pre>
 */
@Value.Immutable
public abstract class Client {
  /** The TLS versions a client offers unless told otherwise: TLS 1.2 and TLS 1.3. */
  public static final ImmutableSet<TlsVersion> DEFAULT_TLS_VERSIONS = ImmutableSet.of(TlsVersion.TLS_1_2, TlsVersion.TLS_1_3);

  Client() {}

  /**
   * Returns the client's name, used in answers and reports.
   *
   * @return the name
   */
  public abstract String name();

  /**
   * Returns where the client sits.
   *
   * @return the location
   */
  public abstract ClientLocation location();

  /**
   * Returns the TLS versions the client offers; empty means the client does not use TLS.
   *
   * @return the offered versions; TLS 1.2 and TLS 1.3 by default
   */
  @Value.Default
  @SuppressWarnings("immutables:untype") // a plain setter is wanted: an empty set means no TLS
  public ImmutableSet<TlsVersion> tlsVersions() {
    return DEFAULT_TLS_VERSIONS;
  }

  /**
   * Tells whether the client uses TLS at all.
   *
   * @return whether it offers at least one version
   */
  public final boolean usesTls() {
    return !tlsVersions().isEmpty();
  }

  @Value.Check
  final void check() {
    if (name().isBlank()) {
      throw PgreachException.of(ErrorCode.INVALID_VALUE, "Client.name (\"%s\") must not be blank", name());
    }
  }

  /**
   * Returns a builder.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Client}s. */
  public static final class Builder extends ImmutableClient.Builder {
    Builder() {}
  }
}
