package dev.pgreach.core;

import java.util.Locale;
import java.util.Optional;

/**
 * A TLS protocol version, named as PostgreSQL's {@code ssl_min_protocol_version} names it.
 *
 * <p>Azure Database for PostgreSQL – Flexible Server accepts TLS 1.2 and TLS 1.3 (1.3 since
 * December 2023); TLS 1.0 and 1.1 connections are denied.
 */
public enum TlsVersion {
  /** TLS 1.0 ({@code TLSv1}); always denied by Azure. */
  TLS_1_0("TLSv1"),
  /** TLS 1.1 ({@code TLSv1.1}); always denied by Azure. */
  TLS_1_1("TLSv1.1"),
  /** TLS 1.2 ({@code TLSv1.2}); the default minimum. */
  TLS_1_2("TLSv1.2"),
  /** TLS 1.3 ({@code TLSv1.3}); supported under the {@code current} profile. */
  TLS_1_3("TLSv1.3");

  private final String parameterValue;

  TlsVersion(String parameterValue) {
    this.parameterValue = parameterValue;
  }

  /**
   * Returns the value PostgreSQL's {@code ssl_min_protocol_version} uses, such as {@code TLSv1.2}.
   *
   * @return the parameter value
   */
  public String parameterValue() {
    return parameterValue;
  }

  /**
   * Parses {@code TLSv1.2}, {@code TLS1.2}, {@code TLS1_2}, {@code TLS_1_2} or {@code 1.2}, ignoring case.
   *
   * @param text the version text
   * @return the version
   * @throws PgreachException {@link ErrorCode#INVALID_TLS_VERSION} for anything else
   */
  public static TlsVersion parse(String text) {
    return tryParse(text)
        .orElseThrow(
            () ->
                PgreachException.of(
                    ErrorCode.INVALID_TLS_VERSION,
                    "TlsVersion (\"%s\") must be one of TLSv1, TLSv1.1, TLSv1.2, TLSv1.3",
                    text));
  }

  /**
   * Parses a TLS version, or returns empty for text {@link #parse} rejects.
   *
   * @param text the candidate; {@code null} gives empty
   * @return the version, or empty
   */
  public static Optional<TlsVersion> tryParse(String text) {
    if (text == null) {
      return Optional.empty();
    }
    String t = text.strip().toUpperCase(Locale.ROOT).replace("TLSV", "").replace("TLS", "").replace('_', '.');
    if (t.startsWith(".")) {
      t = t.substring(1);
    }
    switch (t) {
      case "1":
      case "1.0":
        return Optional.of(TLS_1_0);
      case "1.1":
        return Optional.of(TLS_1_1);
      case "1.2":
        return Optional.of(TLS_1_2);
      case "1.3":
        return Optional.of(TLS_1_3);
      default:
        return Optional.empty();
    }
  }
}
