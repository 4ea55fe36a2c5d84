package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.net.InetAddress;
import java.util.List;

/**
 * The CIDR functions, for IPv4 and IPv6 ranges as Azure's template functions reference documents
 * them: {@code parseCidr(network)} (network, netmask, broadcast for IPv4 only, first and last
 * usable address, prefix length), {@code cidrSubnet(network, newCIDR, subnetIndex)} (the
 * subnet of that index among the range split into {@code /newCIDR} subnets) and {@code
 * cidrHost(network, hostIndex)} (the usable host address of that index: the first one, index 0,
 * is the address after the network's own). Host bits in the given address are cleared. Addresses
 * are written as Azure writes them: dotted decimal, or IPv6 in its shortest form (RFC 5952).
 */
final class CidrFunctions {
  private CidrFunctions() {}

  /** A parsed range: its network address, its prefix length and its address width (32 or 128). */
  private record Range(BigInteger network, int prefix, int width) {
    BigInteger size() {
      return BigInteger.ONE.shiftLeft(width - prefix);
    }

    BigInteger last() {
      return network.add(size()).subtract(BigInteger.ONE);
    }

    String text(BigInteger address) {
      byte[] raw = address.toByteArray();
      byte[] bytes = new byte[width / 8];
      int copy = Math.min(raw.length, bytes.length);
      System.arraycopy(raw, raw.length - copy, bytes, bytes.length - copy, copy);
      try {
        return InetAddresses.toAddrString(InetAddress.getByAddress(bytes));
      } catch (java.net.UnknownHostException e) {
        throw new TemplateError("is not an address: " + address); // cannot happen: the length is 4 or 16
      }
    }
  }

  static void register() {
    Functions.eager("parseCidr", 1, 1, (n, a) -> {
      Range r = range(n, a);
      ObjectNode o = Values.object();
      BigInteger all = BigInteger.ONE.shiftLeft(r.width()).subtract(BigInteger.ONE);
      o.put("network", r.text(r.network()));
      o.put("netmask", r.text(all.xor(r.size().subtract(BigInteger.ONE))));
      if (r.width() == 32) {
        o.put("broadcast", r.text(r.last()));
        o.put("firstUsable", r.text(r.prefix() >= 31 ? r.network() : r.network().add(BigInteger.ONE)));
        o.put("lastUsable", r.text(r.prefix() >= 31 ? r.last() : r.last().subtract(BigInteger.ONE)));
      } else {
        o.put("firstUsable", r.text(r.network()));
        o.put("lastUsable", r.text(r.last()));
      }
      o.put("cidr", r.prefix());
      return o;
    });
    Functions.eager("cidrSubnet", 3, 3, (n, a) -> {
      Range r = range(n, a);
      long bits = Functions.integer(n, a, 1);
      long index = Functions.integer(n, a, 2);
      if (bits < r.prefix() || bits > r.width() || index < 0 || BigInteger.valueOf(index).compareTo(BigInteger.ONE.shiftLeft((int) bits - r.prefix())) >= 0) {
        throw new TemplateError("function 'cidrSubnet' cannot make subnet " + index + " of /" + bits + " in /" + r.prefix());
      }
      BigInteger start = r.network().add(BigInteger.valueOf(index).shiftLeft(r.width() - (int) bits));
      return Values.F.textNode(r.text(start) + "/" + bits);
    });
    Functions.eager("cidrHost", 2, 2, (n, a) -> {
      Range r = range(n, a);
      long index = Functions.integer(n, a, 1);
      // usable hosts: after the network's own address, and (IPv4) before the broadcast address
      BigInteger usable = r.size().subtract(BigInteger.valueOf(r.width() == 32 ? 2 : 1));
      if (index < 0 || BigInteger.valueOf(index).compareTo(usable) >= 0) {
        throw new TemplateError("function 'cidrHost' has no usable host " + index + " in /" + r.prefix());
      }
      return Values.F.textNode(r.text(r.network().add(BigInteger.valueOf(index + 1))));
    });
  }

  private static Range range(String name, List<com.fasterxml.jackson.databind.JsonNode> a) {
    String text = Functions.string(name, a, 0);
    int slash = text.indexOf('/');
    String address = slash < 0 ? "" : text.substring(0, slash);
    if (slash < 0 || !InetAddresses.isInetAddress(address)) {
      throw new TemplateError("function '" + name + "' needs a range in CIDR notation, not '" + text + "'");
    }
    byte[] bytes = InetAddresses.forString(address).getAddress();
    int width = bytes.length * 8;
    int prefix;
    try {
      prefix = Integer.parseInt(text.substring(slash + 1));
    } catch (NumberFormatException e) {
      prefix = -1;
    }
    if (prefix < 0 || prefix > width) {
      throw new TemplateError("function '" + name + "' needs a prefix length from 0 to " + width + ", not '" + text.substring(slash + 1) + "'");
    }
    BigInteger value = new BigInteger(1, bytes);
    BigInteger mask = BigInteger.ONE.shiftLeft(width).subtract(BigInteger.ONE).xor(BigInteger.ONE.shiftLeft(width - prefix).subtract(BigInteger.ONE));
    return new Range(value.and(mask), prefix, width);
  }
}
