package dev.pgreach.privatelink.arm.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.BooleanNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URLDecoder;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;

/**
 * String functions: {@code format}, {@code string}, {@code toLower}, {@code toUpper}, {@code
 * trim}, {@code substring}, {@code replace}, {@code split}, {@code join}, {@code padLeft}, {@code
 * startsWith} and {@code endsWith} (ignoring case, as Azure's do), {@code base64}, {@code
 * base64ToString}, {@code base64ToJson}, {@code uri}, {@code uriComponent}, {@code
 * uriComponentToString}, {@code dataUri}, {@code dataUriToString}, {@code json}, {@code
 * uniqueString} and {@code guid} ({@link Hashes}); {@code newGuid} and {@code utcNow} are known only
 * at deployment. Functions of strings and arrays both ({@code concat}, {@code contains}, {@code
 * length} …) are {@link ArrayFunctions}.
 */
final class StringFunctions {
  private StringFunctions() {}

  static void register() {
    Functions.eager("format", 1, Integer.MAX_VALUE, (n, a) -> TextNode.valueOf(format(Functions.string(n, a, 0), a.subList(1, a.size()))));
    Functions.eager("string", 1, 1, (n, a) -> TextNode.valueOf(Values.text(a.get(0))));
    Functions.eager("toLower", 1, 1, (n, a) -> TextNode.valueOf(Functions.string(n, a, 0).toLowerCase(Locale.ROOT)));
    Functions.eager("toUpper", 1, 1, (n, a) -> TextNode.valueOf(Functions.string(n, a, 0).toUpperCase(Locale.ROOT)));
    Functions.eager("trim", 1, 1, (n, a) -> TextNode.valueOf(Functions.string(n, a, 0).strip()));
    Functions.eager("substring", 1, 3, (n, a) -> {
      String s = Functions.string(n, a, 0);
      int start = a.size() > 1 ? Functions.index(n, a, 1) : 0;
      int length = a.size() > 2 ? Functions.index(n, a, 2) : s.length() - start;
      if (start < 0 || start > s.length() || length < 0 || start + length > s.length()) {
        throw new TemplateError("function 'substring' reaches outside the string (" + s.length() + " characters, start " + start + ", length " + length + ")");
      }
      return TextNode.valueOf(s.substring(start, start + length));
    });
    Functions.eager("replace", 3, 3, (n, a) -> {
      String find = Functions.string(n, a, 1);
      String s = Functions.string(n, a, 0);
      return TextNode.valueOf(find.isEmpty() ? s : s.replace(find, Functions.string(n, a, 2)));
    });
    Functions.eager("split", 2, 2, (n, a) -> {
      String s = Functions.string(n, a, 0);
      List<String> delimiters = new ArrayList<>();
      if (a.get(1).isArray()) {
        for (JsonNode d : a.get(1)) {
          if (!d.isTextual()) {
            throw Functions.wrongType(n, 1, a.get(1), "a string or an array of strings");
          }
          delimiters.add(d.textValue());
        }
      } else {
        delimiters.add(Functions.string(n, a, 1));
      }
      var out = Values.array();
      int from = 0;
      for (int i = 0; i <= s.length(); ) {
        String hit = null;
        for (String d : delimiters) {
          if (!d.isEmpty() && s.startsWith(d, i)) {
            hit = d;
            break;
          }
        }
        if (hit != null) {
          out.add(s.substring(from, i));
          i += hit.length();
          from = i;
        } else {
          i++;
        }
      }
      out.add(s.substring(Math.min(from, s.length())));
      return out;
    });
    Functions.eager("join", 2, 2, (n, a) -> {
      List<String> parts = new ArrayList<>();
      for (JsonNode e : Functions.array(n, a, 0)) {
        parts.add(Values.text(e));
      }
      return TextNode.valueOf(String.join(Functions.string(n, a, 1), parts));
    });
    Functions.eager("padLeft", 2, 3, (n, a) -> {
      String s = Values.text(a.get(0));
      int width = Functions.index(n, a, 1);
      String pad = a.size() > 2 ? Functions.string(n, a, 2) : " ";
      if (pad.length() != 1) {
        throw new TemplateError("function 'padLeft' pads with one character, not '" + pad + "'");
      }
      return TextNode.valueOf(pad.repeat(Math.max(0, width - s.length())) + s);
    });
    Functions.eager("startsWith", 2, 2, (n, a) -> BooleanNode.valueOf(Functions.string(n, a, 0).toLowerCase(Locale.ROOT).startsWith(Functions.string(n, a, 1).toLowerCase(Locale.ROOT))));
    Functions.eager("endsWith", 2, 2, (n, a) -> BooleanNode.valueOf(Functions.string(n, a, 0).toLowerCase(Locale.ROOT).endsWith(Functions.string(n, a, 1).toLowerCase(Locale.ROOT))));
    Functions.eager("base64", 1, 1, (n, a) -> TextNode.valueOf(Base64.getEncoder().encodeToString(Functions.string(n, a, 0).getBytes(StandardCharsets.UTF_8))));
    Functions.eager("base64ToString", 1, 1, (n, a) -> TextNode.valueOf(new String(decode64(Functions.string(n, a, 0)), StandardCharsets.UTF_8)));
    Functions.eager("base64ToJson", 1, 1, (n, a) -> Values.parseJson(new String(decode64(Functions.string(n, a, 0)), StandardCharsets.UTF_8)));
    Functions.eager("uriComponent", 1, 1, (n, a) -> TextNode.valueOf(URLEncoder.encode(Functions.string(n, a, 0), StandardCharsets.UTF_8).replace("+", "%20")));
    Functions.eager("uriComponentToString", 1, 1, (n, a) -> TextNode.valueOf(URLDecoder.decode(Functions.string(n, a, 0).replace("+", "%2B"), StandardCharsets.UTF_8)));
    Functions.eager("uri", 2, 2, (n, a) -> {
      try {
        return TextNode.valueOf(new URI(Functions.string(n, a, 0)).resolve(new URI(Functions.string(n, a, 1))).toString());
      } catch (URISyntaxException | IllegalArgumentException e) {
        throw new TemplateError("function 'uri' needs a base URI and a relative one: " + e.getMessage());
      }
    });
    Functions.eager("dataUri", 1, 1, (n, a) -> TextNode.valueOf("data:text/plain;charset=utf8;base64," + Base64.getEncoder().encodeToString(Values.text(a.get(0)).getBytes(StandardCharsets.UTF_8))));
    Functions.eager("dataUriToString", 1, 1, (n, a) -> {
      String s = Functions.string(n, a, 0);
      int comma = s.indexOf(',');
      if (!s.startsWith("data:") || comma < 0) {
        throw new TemplateError("function 'dataUriToString' needs a data URI");
      }
      String body = s.substring(comma + 1);
      return TextNode.valueOf(s.substring(0, comma).endsWith(";base64") ? new String(decode64(body), StandardCharsets.UTF_8) : URLDecoder.decode(body, StandardCharsets.UTF_8));
    });
    Functions.eager("json", 1, 1, (n, a) -> Values.parseJson(Functions.string(n, a, 0)));
    Functions.eager("uniqueString", 1, Integer.MAX_VALUE, (n, a) -> TextNode.valueOf(Hashes.uniqueString(strings(n, a))));
    Functions.eager("guid", 1, Integer.MAX_VALUE, (n, a) -> TextNode.valueOf(Hashes.guid(strings(n, a))));
    Functions.eager("newGuid", 0, 0, (n, a) -> Values.unknown("newGuid() is a new value at each deployment"));
    Functions.eager("utcNow", 0, 1, (n, a) -> Values.unknown("utcNow() is the time of the deployment"));
  }

  private static String[] strings(String name, List<JsonNode> a) {
    String[] out = new String[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = Functions.string(name, a, i);
    }
    return out;
  }

  private static byte[] decode64(String s) {
    try {
      return Base64.getDecoder().decode(s);
    } catch (IllegalArgumentException e) {
      throw new TemplateError("is not base64: " + e.getMessage());
    }
  }

  /**
   * .NET composite formatting, as {@code format()} uses: {@code {0}}, {@code {1,-8}} (alignment),
   * {@code {0:D3}} (integers: D, N, X), {@code {{} and {@code }}} for braces.
   */
  static String format(String pattern, List<JsonNode> args) {
    StringBuilder out = new StringBuilder();
    for (int i = 0; i < pattern.length(); i++) {
      char c = pattern.charAt(i);
      if (c == '{' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '{') {
        out.append('{');
        i++;
      } else if (c == '}' && i + 1 < pattern.length() && pattern.charAt(i + 1) == '}') {
        out.append('}');
        i++;
      } else if (c == '{') {
        int end = pattern.indexOf('}', i);
        if (end < 0) {
          throw new TemplateError("function 'format' has an unclosed '{' in its format string");
        }
        String item = pattern.substring(i + 1, end);
        String spec = "";
        int colon = item.indexOf(':');
        if (colon >= 0) {
          spec = item.substring(colon + 1);
          item = item.substring(0, colon);
        }
        int alignment = 0;
        int comma = item.indexOf(',');
        try {
          if (comma >= 0) {
            alignment = Integer.parseInt(item.substring(comma + 1).strip());
            item = item.substring(0, comma);
          }
          int k = Integer.parseInt(item.strip());
          if (k < 0 || k >= args.size()) {
            throw new TemplateError("function 'format' names argument {" + k + "} but has " + args.size());
          }
          String s = formatted(args.get(k), spec);
          if (Math.abs(alignment) > s.length()) {
            s = alignment > 0 ? " ".repeat(alignment - s.length()) + s : s + " ".repeat(-alignment - s.length());
          }
          out.append(s);
        } catch (NumberFormatException e) {
          throw new TemplateError("function 'format' has a format item it cannot read: {" + pattern.substring(i + 1, end) + "}");
        }
        i = end;
      } else if (c == '}') {
        throw new TemplateError("function 'format' has an unmatched '}' in its format string");
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static String formatted(JsonNode v, String spec) {
    if (spec.isEmpty() || !v.isIntegralNumber()) {
      return Values.text(v);
    }
    char kind = Character.toUpperCase(spec.charAt(0));
    int digits = spec.length() > 1 ? Integer.parseInt(spec.substring(1)) : -1;
    long n = v.longValue();
    switch (kind) {
      case 'D': {
        String s = String.valueOf(Math.abs(n));
        s = "0".repeat(Math.max(0, digits - s.length())) + s;
        return n < 0 ? "-" + s : s;
      }
      case 'X': {
        String s = Long.toHexString(n);
        s = "0".repeat(Math.max(0, digits - s.length())) + s;
        return spec.charAt(0) == 'X' ? s.toUpperCase(Locale.ROOT) : s;
      }
      case 'N': {
        String s = String.format(Locale.ROOT, "%,d", n);
        return digits > 0 ? s + "." + "0".repeat(digits) : digits == 0 ? s : s + ".00";
      }
      default:
        throw new TemplateError("function 'format' has a format string pgreach cannot apply: '" + spec + "'");
    }
  }
}
