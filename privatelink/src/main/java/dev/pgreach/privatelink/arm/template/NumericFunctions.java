package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.DoubleNode;
import com.fasterxml.jackson.databind.node.LongNode;
import java.util.ArrayList;
import java.util.List;

/**
 * Numeric functions: {@code add}, {@code sub}, {@code mul}, {@code div} and {@code mod} (of
 * 64-bit integers; division truncates), {@code int}, {@code float}, {@code min} and {@code max} (of
 * integers, or of one array of integers), and the IPv4 functions {@code parseCidr} and {@code
 * cidrSubnet}.
 */
final class NumericFunctions {
  private NumericFunctions() {}

  static void register() {
    Functions.eager("add", 2, 2, (n, a) -> LongNode.valueOf(Math.addExact(Functions.integer(n, a, 0), Functions.integer(n, a, 1))));
    Functions.eager("sub", 2, 2, (n, a) -> LongNode.valueOf(Math.subtractExact(Functions.integer(n, a, 0), Functions.integer(n, a, 1))));
    Functions.eager("mul", 2, 2, (n, a) -> LongNode.valueOf(Math.multiplyExact(Functions.integer(n, a, 0), Functions.integer(n, a, 1))));
    Functions.eager("div", 2, 2, (n, a) -> LongNode.valueOf(Functions.integer(n, a, 0) / divisor(n, a)));
    Functions.eager("mod", 2, 2, (n, a) -> LongNode.valueOf(Functions.integer(n, a, 0) % divisor(n, a)));
    Functions.eager("int", 1, 1, (n, a) -> {
      JsonNode v = a.get(0);
      if (v.isTextual()) {
        try {
          return LongNode.valueOf(Long.parseLong(v.textValue().strip()));
        } catch (NumberFormatException e) {
          throw Functions.wrongType(n, 0, v, "an integer or the text of one");
        }
      }
      if (v.isNumber()) {
        return LongNode.valueOf((long) v.doubleValue());
      }
      throw Functions.wrongType(n, 0, v, "an integer or the text of one");
    });
    Functions.eager("float", 1, 1, (n, a) -> {
      JsonNode v = a.get(0);
      try {
        return DoubleNode.valueOf(v.isTextual() ? Double.parseDouble(v.textValue()) : v.asDouble());
      } catch (NumberFormatException e) {
        throw Functions.wrongType(n, 0, v, "a number or the text of one");
      }
    });
    Functions.eager("min", 1, Integer.MAX_VALUE, (n, a) -> extreme(n, a, true));
    Functions.eager("parseCidr", 1, 1, (n, a) -> {
      long[] c = cidr(Functions.string(n, a, 0));
      long size = 1L << (32 - c[1]);
      com.fasterxml.jackson.databind.node.ObjectNode o = Values.object();
      o.put("network", ip(c[0]));
      o.put("netmask", ip((0xffffffffL << (32 - c[1])) & 0xffffffffL));
      o.put("broadcast", ip(c[0] + size - 1));
      o.put("firstUsable", ip(c[1] >= 31 ? c[0] : c[0] + 1));
      o.put("lastUsable", ip(c[1] >= 31 ? c[0] + size - 1 : c[0] + size - 2));
      o.put("cidr", c[1]);
      return o;
    });
    Functions.eager("cidrSubnet", 3, 3, (n, a) -> {
      long[] c = cidr(Functions.string(n, a, 0));
      long bits = Functions.integer(n, a, 1);
      long index = Functions.integer(n, a, 2);
      if (bits < c[1] || bits > 32 || index < 0 || index >= 1L << (bits - c[1])) {
        throw new TemplateError("function 'cidrSubnet' cannot make subnet " + index + " of /" + bits + " in /" + c[1]);
      }
      return Values.F.textNode(ip(c[0] + (index << (32 - bits))) + "/" + bits);
    });
    Functions.eager("max", 1, Integer.MAX_VALUE, (n, a) -> extreme(n, a, false));
  }

  /** An IPv4 CIDR block as its network address (host bits cleared) and its prefix length. */
  private static long[] cidr(String text) {
    int slash = text.indexOf('/');
    String[] parts = slash < 0 ? new String[0] : text.substring(0, slash).split("\\.", -1);
    try {
      if (parts.length != 4) {
        throw new NumberFormatException();
      }
      long address = 0;
      for (String p : parts) {
        int octet = Integer.parseInt(p);
        if (octet < 0 || octet > 255) {
          throw new NumberFormatException();
        }
        address = address << 8 | octet;
      }
      int length = Integer.parseInt(text.substring(slash + 1));
      if (length < 0 || length > 32) {
        throw new NumberFormatException();
      }
      long mask = (0xffffffffL << (32 - length)) & 0xffffffffL;
      return new long[] {address & mask, length};
    } catch (NumberFormatException e) {
      throw new TemplateError("is not an IPv4 CIDR block pgreach can compute with: '" + text + "'");
    }
  }

  private static String ip(long a) {
    return ((a >> 24) & 255) + "." + ((a >> 16) & 255) + "." + ((a >> 8) & 255) + "." + (a & 255);
  }

  private static long divisor(String n, List<JsonNode> a) {
    long d = Functions.integer(n, a, 1);
    if (d == 0) {
      throw new TemplateError("function '" + n + "' divides by zero");
    }
    return d;
  }

  private static JsonNode extreme(String n, List<JsonNode> a, boolean min) {
    List<JsonNode> values = new ArrayList<>();
    if (a.size() == 1 && a.get(0).isArray()) {
      a.get(0).forEach(values::add);
    } else {
      values.addAll(a);
    }
    if (values.isEmpty()) {
      throw new TemplateError("function '" + n + "' needs at least one integer");
    }
    long best = Functions.integer(n, values, 0);
    for (int i = 1; i < values.size(); i++) {
      long v = Functions.integer(n, values, i);
      best = min ? Math.min(best, v) : Math.max(best, v);
    }
    return LongNode.valueOf(best);
  }
}
