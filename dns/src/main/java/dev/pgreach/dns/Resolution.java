package dev.pgreach.dns;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ReasonCode;
import dev.pgreach.core.ResourceId;
import dev.pgreach.core.StepEffect;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The answer to "what does this client get when it looks up this name?": a disposition, the
 * whole alias chain, the addresses, and every step that led there.
 *
 * <pre>{@code
 * Resolution r = resolver.resolve(client, DnsName.parse("orders-db.postgres.database.azure.com"));
 * r.disposition();   // ADDRESS
 * r.aliases();       // [orders-db.postgres.database.azure.com,
 *                    //  orders-db.orders-db.private.postgres.database.azure.com]
 * r.address();       // Optional[10.0.2.4]
 * System.out.println(r.explanation());
 * }</pre>
 *
 * <p>An answer checks its own consistency when it is built: addresses exactly for {@link
 * ResolutionDisposition#ADDRESS}, ascending and without repeats; a public endpoint for {@link
 * ResolutionDisposition#PUBLIC_ENDPOINT}; a server whose address is unknown only for {@link
 * ResolutionDisposition#UNKNOWN}, named by the last step; an alias chain that starts with the
 * queried name, has no repeats and no more than {@link Resolver#MAX_CNAME_CHAIN} CNAMEs; and a last
 * step that agrees with the disposition.
 *
 * @param name the name that was looked up
 * @param disposition how the resolution ended
 * @param aliases the alias chain, first name (the one looked up) to last (the canonical name)
 * @param addresses the addresses, ascending; non-empty exactly when the disposition is {@link
 *     ResolutionDisposition#ADDRESS}
 * @param publicEndpoint the server whose public endpoint the answer is: present for {@link
 *     ResolutionDisposition#PUBLIC_ENDPOINT}, and for {@link ResolutionDisposition#ADDRESS} when
 *     the address is that endpoint's
 * @param serverAddressUnknown the VNet-integrated server whose private address the answer is but
 *     the model does not know: present exactly when the disposition is {@link
 *     ResolutionDisposition#UNKNOWN} and the last step is {@link DnsStep.ServerAddressUnknown}
 * @param steps the steps, in order
 */
public record Resolution(
    DnsName name,
    ResolutionDisposition disposition,
    ImmutableList<DnsName> aliases,
    ImmutableList<Ipv4Address> addresses,
    Optional<ResourceId> publicEndpoint,
    Optional<ResourceId> serverAddressUnknown,
    ImmutableList<DnsStep> steps) {
  /** {@return the name that was looked up} */
  public DnsName name() {
    return name;
  }

  /** {@return how the resolution ended} */
  public ResolutionDisposition disposition() {
    return disposition;
  }

  /** {@return the alias chain, first name (the one looked up) to last (the canonical name)} */
  public ImmutableList<DnsName> aliases() {
    return aliases;
  }

  /** {@return the addresses, ascending; non-empty exactly when the disposition is {@link ResolutionDisposition#ADDRESS}} */
  public ImmutableList<Ipv4Address> addresses() {
    return addresses;
  }

  /**
   * {@return the server whose public endpoint the answer is: present for {@link ResolutionDisposition#PUBLIC_ENDPOINT}, and for {@link ResolutionDisposition#ADDRESS} when the address is that endpoint's}
   */
  public Optional<ResourceId> publicEndpoint() {
    return publicEndpoint;
  }

  /**
   * {@return the VNet-integrated server whose private address the answer is but the model does not know: present exactly when the disposition is {@link ResolutionDisposition#UNKNOWN} and the last step is {@link DnsStep.ServerAddressUnknown}}
   */
  public Optional<ResourceId> serverAddressUnknown() {
    return serverAddressUnknown;
  }

  /** {@return the steps, in order} */
  public ImmutableList<DnsStep> steps() {
    return steps;
  }


  /**
   * Checks that the parts agree.
   *
   * @param name the name that was looked up
   * @param disposition how the resolution ended
   * @param aliases the alias chain, first name (the one looked up) to last (the canonical name)
   * @param addresses the addresses, ascending; non-empty exactly when the disposition is {@link ResolutionDisposition#ADDRESS}
   * @param publicEndpoint the server whose public endpoint the answer is: present for {@link ResolutionDisposition#PUBLIC_ENDPOINT}, and for {@link ResolutionDisposition#ADDRESS} when the address is that endpoint's
   * @param serverAddressUnknown the VNet-integrated server whose private address the answer is but the model does not know: present exactly when the disposition is {@link ResolutionDisposition#UNKNOWN} and the last step is {@link DnsStep.ServerAddressUnknown}
   * @param steps the steps, in order
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component; {@link
   *     ErrorCode#INVALID_VALUE} when the parts disagree, naming the part
   */
  public Resolution {
    Checks.notNull(name, "Resolution.name");
    Checks.notNull(disposition, "Resolution.disposition");
    Checks.notNull(aliases, "Resolution.aliases");
    Checks.notNull(addresses, "Resolution.addresses");
    Checks.notNull(publicEndpoint, "Resolution.publicEndpoint");
    Checks.notNull(serverAddressUnknown, "Resolution.serverAddressUnknown");
    Checks.notNull(steps, "Resolution.steps");
    String self = "Resolution[" + name + "]";
    if (aliases.isEmpty() || !aliases.get(0).equals(name)) {
      throw inconsistent(self, "aliases", aliases, "must start with the name looked up");
    }
    Set<DnsName> distinct = new HashSet<>(aliases);
    if (distinct.size() != aliases.size()) {
      throw inconsistent(self, "aliases", aliases, "must not repeat a name");
    }
    if (aliases.size() > Resolver.MAX_CNAME_CHAIN + 1) {
      throw inconsistent(self, "aliases", aliases.size() + " names", "must hold at most " + (Resolver.MAX_CNAME_CHAIN + 1));
    }
    if ((disposition == ResolutionDisposition.ADDRESS) == addresses.isEmpty()) {
      throw inconsistent(self, "addresses", addresses, "must be non-empty exactly when the disposition is ADDRESS, not " + disposition);
    }
    for (int i = 1; i < addresses.size(); i++) {
      if (addresses.get(i - 1).compareTo(addresses.get(i)) >= 0) {
        throw inconsistent(self, "addresses", addresses, "must be ascending without repeats");
      }
    }
    boolean endpointAllowed =
        disposition == ResolutionDisposition.ADDRESS || disposition == ResolutionDisposition.PUBLIC_ENDPOINT;
    if (publicEndpoint.isPresent() && !endpointAllowed
        || disposition == ResolutionDisposition.PUBLIC_ENDPOINT && publicEndpoint.isEmpty()) {
      throw inconsistent(self, "publicEndpoint", publicEndpoint, "does not fit disposition " + disposition);
    }
    if (steps.isEmpty()) {
      throw inconsistent(self, "steps", steps, "must not be empty");
    }
    DnsStep last = steps.get(steps.size() - 1);
    Optional<ResourceId> unknownServer =
        disposition == ResolutionDisposition.UNKNOWN && last instanceof DnsStep.ServerAddressUnknown
            ? Optional.of(((DnsStep.ServerAddressUnknown) last).server())
            : Optional.empty();
    if (!serverAddressUnknown.equals(unknownServer)) {
      throw inconsistent(
          self, "serverAddressUnknown", serverAddressUnknown, "must name the server of a last ServerAddressUnknown step of an UNKNOWN answer, and only then");
    }
    boolean agrees;
    switch (disposition) {
      case ADDRESS:
      case PUBLIC_ENDPOINT:
        agrees =
            last instanceof DnsStep.Answered
                && ((DnsStep.Answered) last).name().equals(aliases.get(aliases.size() - 1))
                && ((DnsStep.Answered) last).addresses().equals(addresses)
                && ((DnsStep.Answered) last).publicEndpointOf().equals(publicEndpoint);
        break;
      case NXDOMAIN:
        agrees = last.code() == ReasonCode.DNS_NXDOMAIN;
        break;
      case UNKNOWN:
        agrees =
            last.code() == ReasonCode.DNS_PUBLIC_NOT_MODELLED
                || last instanceof DnsStep.ServerAddressUnknown
                    && ((DnsStep.ServerAddressUnknown) last).name().equals(aliases.get(aliases.size() - 1))
                || last instanceof DnsStep.Undecided
                    && ((DnsStep.Undecided) last).name().equals(aliases.get(aliases.size() - 1));
        break;
      case FAILURE:
        agrees = last.effect() == StepEffect.BLOCKED && last.code() != ReasonCode.DNS_NXDOMAIN;
        break;
      default:
        throw new IllegalStateException("unhandled disposition " + disposition);
    }
    if (!agrees) {
      throw inconsistent(self, "steps", last.code(), "must end with a step that agrees with disposition " + disposition);
    }
  }

  /**
   * Returns the first address.
   *
   * @return the lowest address, or empty when the disposition is not {@link
   *     ResolutionDisposition#ADDRESS}
   */
  public Optional<Ipv4Address> address() {
    return addresses.isEmpty() ? Optional.empty() : Optional.of(addresses.get(0));
  }

  /**
   * Returns the canonical name, the last name of the alias chain.
   *
   * @return the last alias
   */
  public DnsName canonicalName() {
    return aliases.get(aliases.size() - 1);
  }

  /**
   * Returns the step that decided the outcome.
   *
   * @return the last step
   */
  public DnsStep lastStep() {
    return steps.get(steps.size() - 1);
  }

  /**
   * Returns the steps' sentences, one per line, for people to read.
   *
   * @return the explanation
   */
  public String explanation() {
    return steps.stream().map(DnsStep::reason).collect(Collectors.joining("\n"));
  }

  private static PgreachException inconsistent(String self, String field, Object value, String rule) {
    return PgreachException.of(ErrorCode.INVALID_VALUE, "%s.%s (%s) %s", self, field, value, rule);
  }
}
