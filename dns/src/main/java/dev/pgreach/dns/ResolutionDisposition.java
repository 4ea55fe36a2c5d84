package dev.pgreach.dns;

/** How a name resolution ended. */
public enum ResolutionDisposition {
  /** The name resolved to one or more IPv4 addresses. */
  ADDRESS,
  /**
   * The name resolved to a flexible server's public endpoint, whose address the model does not
   * know ({@code publicAddress} is not set); the server is named in the answer.
   */
  PUBLIC_ENDPOINT,
  /** The name does not exist where it was looked up: an authoritative NXDOMAIN. */
  NXDOMAIN,
  /**
   * No answer: a DNS server could not be reached or refused the query, forwarders went round in
   * a circle, or the CNAME chain looped or grew too long.
   */
  FAILURE,
  /**
   * There is an answer, but the model does not know it, and pgreach does not guess: either public
   * DNS would answer a name outside what the model knows (anything not under {@code
   * postgres.database.azure.com}), or the name is a VNet-integrated server's own name in its
   * private DNS zone, where Azure keeps the server's A record, but the server's private address is
   * not known (no {@code privateAddress}, no A record inside its delegated subnet); the answer then
   * names the server ({@link Resolution#serverAddressUnknown()}). In an open world, also when what
   * would answer is not in the input: the zones linked to the resolving network, a zone's record
   * sets, a server's settings or private endpoints, or what answers at a DNS server's address (the
   * last step is then a {@link DnsStep.Undecided}).
   */
  UNKNOWN
}
