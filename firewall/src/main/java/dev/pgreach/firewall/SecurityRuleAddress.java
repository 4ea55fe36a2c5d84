package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.Ipv4Address;
import dev.pgreach.core.Ipv4Prefix;
import dev.pgreach.core.Ipv4Range;
import dev.pgreach.core.PgreachException;

/**
 * One source or destination of a security rule, as {@code sourceAddressPrefixes} and {@code
 * destinationAddressPrefixes} write them: {@code *}, a CIDR prefix, a single address, a range, or
 * a service tag.
 *
 * <p>Three service tags have a meaning pgreach computes, per subnet: {@value #VIRTUAL_NETWORK_TAG}
 * (the virtual network's space, its connected peers' and the prefixes it learns from gateways, the
 * host address {@code 168.63.129.16}, and the prefixes of the user routes of the subnet's route
 * table), {@value #AZURE_LOAD_BALANCER_TAG} ({@code 168.63.129.16}) and {@value #INTERNET_TAG}
 * (public addresses outside the VirtualNetwork tag; see {@link NetworkSecurity}). Every other tag ({@code Storage},
 * {@code AzureCloud.westeurope} …) is opaque unless the caller supplies its ranges.
 *
 * <pre>{@code
 * SecurityRuleAddress.parse("10.0.1.0/24");     // Prefix
 * SecurityRuleAddress.parse("VirtualNetwork");  // ServiceTag
 * SecurityRuleAddress.parse("*");               // Any
 * }</pre>
 */
public sealed interface SecurityRuleAddress {
  /** The {@code VirtualNetwork} service tag's name. */
  String VIRTUAL_NETWORK_TAG = "VirtualNetwork";

  /** The {@code Internet} service tag's name. */
  String INTERNET_TAG = "Internet";

  /** The {@code AzureLoadBalancer} service tag's name. */
  String AZURE_LOAD_BALANCER_TAG = "AzureLoadBalancer";

  /** Every address, {@code *}. */
  SecurityRuleAddress ANY = new Any();

  /** The {@code VirtualNetwork} service tag. */
  SecurityRuleAddress VIRTUAL_NETWORK = new ServiceTag(VIRTUAL_NETWORK_TAG);

  /** The {@code Internet} service tag. */
  SecurityRuleAddress INTERNET = new ServiceTag(INTERNET_TAG);

  /** The {@code AzureLoadBalancer} service tag. */
  SecurityRuleAddress AZURE_LOAD_BALANCER = new ServiceTag(AZURE_LOAD_BALANCER_TAG);

  /**
   * Parses one entry of an address prefix list.
   *
   * @param text {@code *}, a prefix such as {@code 10.0.0.0/24}, an address, a range such as
   *     {@code 10.0.0.1-10.0.0.9}, or a service tag name such as {@code Storage.westeurope}
   * @return the address
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for {@code null}, {@link
   *     ErrorCode#ADDRESS_MUST_BE_IPV4} for IPv6 text, the prefix, address or range codes for
   *     malformed numeric text, {@link ErrorCode#INVALID_SECURITY_RULE} for anything else
   */
  static SecurityRuleAddress parse(String text) {
    Names.notNull(text, "SecurityRuleAddress.parse.text");
    if (text.isBlank()) {
      throw PgreachException.of(
          ErrorCode.INVALID_SECURITY_RULE, "SecurityRuleAddress (\"%s\") must be *, a prefix, a range, an address or a service tag", text);
    }
    String t = text.strip();
    if (t.equals("*")) {
      return ANY;
    }
    if (t.indexOf(':') >= 0) {
      // Not a tag, not a dotted quad: core tells IPv6 (ADDRESS_MUST_BE_IPV4) from other malformed text.
      String address = t.indexOf('/') >= 0 ? t.substring(0, t.indexOf('/')) : t;
      try {
        Ipv4Address.parse(address);
      } catch (PgreachException e) {
        throw PgreachException.of(
            e.code(),
            e.code() == ErrorCode.ADDRESS_MUST_BE_IPV4
                ? "SecurityRuleAddress (\"%s\") is IPv6; only IPv4 addresses are modelled"
                : "SecurityRuleAddress (\"%s\") is not an IPv4 address, prefix, range or service tag",
            text);
      }
    }
    char c = t.charAt(0);
    if (c >= '0' && c <= '9') {
      if (t.indexOf('/') >= 0) {
        return new Prefix(Ipv4Prefix.parse(t));
      }
      if (t.indexOf('-') >= 0) {
        return new Range(Ipv4Range.parse(t));
      }
      return new Prefix(Ipv4Prefix.host(Ipv4Address.parse(t)));
    }
    return new ServiceTag(t);
  }

  /** Every address, written {@code *}; use {@link SecurityRuleAddress#ANY}. */
  record Any() implements SecurityRuleAddress {
    @Override
    public String toString() {
      return "*";
    }
  }

  /**
   * A CIDR prefix (a single address is a /32).
   *
   * @param prefix the prefix
   */
  record Prefix(Ipv4Prefix prefix) implements SecurityRuleAddress {
    /** {@return the prefix} */
    public Ipv4Prefix prefix() {
      return prefix;
    }

    /**
     * Checks the component.
     *
     * @param prefix the prefix
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null prefix
     */
    public Prefix {
      Names.notNull(prefix, "SecurityRuleAddress.Prefix.prefix");
    }

    @Override
    public String toString() {
      return prefix.length() == 32 ? prefix.network().toString() : prefix.toString();
    }
  }

  /**
   * An inclusive address range.
   *
   * @param range the range
   */
  record Range(Ipv4Range range) implements SecurityRuleAddress {
    /** {@return the range} */
    public Ipv4Range range() {
      return range;
    }

    /**
     * Checks the component.
     *
     * @param range the range
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null range
     */
    public Range {
      Names.notNull(range, "SecurityRuleAddress.Range.range");
    }

    @Override
    public String toString() {
      return range.toString();
    }
  }

  /**
   * A service tag. The names {@value #VIRTUAL_NETWORK_TAG}, {@value #INTERNET_TAG} and {@value
   * #AZURE_LOAD_BALANCER_TAG} are matched ignoring case and kept in Azure's spelling.
   *
   * @param name the tag's name, such as {@code Storage} or {@code Storage.westeurope}
   */
  record ServiceTag(String name) implements SecurityRuleAddress {
    /** {@return the tag's name, such as {@code Storage} or {@code Storage.westeurope}} */
    public String name() {
      return name;
    }

    /**
     * Checks the name and normalises the spelling of the three computed tags.
     *
     * @param name the tag's name, such as {@code Storage} or {@code Storage.westeurope}
     * @throws PgreachException {@link ErrorCode#INVALID_SECURITY_RULE} when the name is not a
     *     letter followed by letters, digits, dots, hyphens or underscores
     */
    public ServiceTag {
      Names.notNull(name, "SecurityRuleAddress.ServiceTag.name");
      if (!Names.TAG_SYNTAX.matcher(name).matches()) {
        throw PgreachException.of(
            ErrorCode.INVALID_SECURITY_RULE,
            "SecurityRuleAddress.ServiceTag.name (\"%s\") must be a letter followed by letters, digits, '.', '-' or '_'",
            name);
      }
      for (String known : new String[] {VIRTUAL_NETWORK_TAG, INTERNET_TAG, AZURE_LOAD_BALANCER_TAG}) {
        if (known.equalsIgnoreCase(name)) {
          name = known;
        }
      }
    }

    /**
     * Tells whether pgreach computes this tag's addresses itself.
     *
     * @return true for {@code VirtualNetwork}, {@code Internet} and {@code AzureLoadBalancer}
     */
    public boolean isComputed() {
      return name.equals(VIRTUAL_NETWORK_TAG) || name.equals(INTERNET_TAG) || name.equals(AZURE_LOAD_BALANCER_TAG);
    }

    @Override
    public String toString() {
      return name;
    }
  }
}
