package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.OptionalInt;
import java.util.OptionalLong;

/**
 * Posture thresholds for server firewall rules, which validation reports when a server exceeds
 * them: how many rules a server may have ({@link dev.pgreach.core.FindingCode#FIREWALL_RULES_ABOVE_THRESHOLD})
 * and how many public addresses its rules may admit together ({@link
 * dev.pgreach.core.FindingCode#FIREWALL_PUBLIC_ADDRESSES_ABOVE_THRESHOLD}). Azure documents no
 * limit for either on flexible servers; these are an organisation's own policy, off by default.
 *
 * <pre>{@code
 * FirewallThresholds t = FirewallThresholds.none().withMaxRules(20).withMaxPublicAddresses(256);
 * }</pre>
 *
 * @param maxRules the most rules a server may have without a finding, or empty for no threshold
 * @param maxPublicAddresses the most public addresses a server's rules may admit without a
 *     finding, or empty for no threshold
 */
public record FirewallThresholds(OptionalInt maxRules, OptionalLong maxPublicAddresses) {
  private static final FirewallThresholds NONE = new FirewallThresholds(OptionalInt.empty(), OptionalLong.empty());

  /**
   * Checks the thresholds.
   *
   * @param maxRules the most rules a server may have without a finding, or empty
   * @param maxPublicAddresses the most public addresses a server's rules may admit, or empty
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument, {@link
   *     ErrorCode#INVALID_VALUE} for a negative threshold
   */
  public FirewallThresholds {
    Names.notNull(maxRules, "FirewallThresholds.maxRules");
    Names.notNull(maxPublicAddresses, "FirewallThresholds.maxPublicAddresses");
    if (maxRules.isPresent() && maxRules.getAsInt() < 0) {
      throw PgreachException.of(ErrorCode.INVALID_VALUE, "FirewallThresholds.maxRules (%s) must not be negative", maxRules.getAsInt());
    }
    if (maxPublicAddresses.isPresent() && maxPublicAddresses.getAsLong() < 0) {
      throw PgreachException.of(
          ErrorCode.INVALID_VALUE, "FirewallThresholds.maxPublicAddresses (%s) must not be negative", maxPublicAddresses.getAsLong());
    }
  }

  /**
   * Returns the most firewall rules a server may have without a finding.
   *
   * @return the threshold, or empty when there is none
   */
  @Override
  public OptionalInt maxRules() {
    return maxRules;
  }

  /**
   * Returns the most public addresses a server's firewall rules may admit together without a
   * finding.
   *
   * @return the threshold, or empty when there is none
   */
  @Override
  public OptionalLong maxPublicAddresses() {
    return maxPublicAddresses;
  }

  /**
   * Returns no thresholds: neither posture finding is raised.
   *
   * @return the thresholds that are off
   */
  public static FirewallThresholds none() {
    return NONE;
  }

  /**
   * Returns these thresholds with a maximum number of rules per server.
   *
   * @param max the most rules a server may have without a finding
   * @return the changed thresholds
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for a negative maximum
   */
  public FirewallThresholds withMaxRules(int max) {
    return new FirewallThresholds(OptionalInt.of(max), maxPublicAddresses);
  }

  /**
   * Returns these thresholds with a maximum number of public addresses a server's rules may admit.
   *
   * @param max the most public addresses without a finding
   * @return the changed thresholds
   * @throws PgreachException {@link ErrorCode#INVALID_VALUE} for a negative maximum
   */
  public FirewallThresholds withMaxPublicAddresses(long max) {
    return new FirewallThresholds(maxRules, OptionalLong.of(max));
  }
}
