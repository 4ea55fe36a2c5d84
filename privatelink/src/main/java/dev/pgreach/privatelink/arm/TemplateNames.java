package dev.pgreach.privatelink.arm;

import dev.pgreach.core.ResourceId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * How a template spells things: identifiers made of names, expression literals, literal strings
 * that must not read as expressions, ids, the words of types and the API version of each type.
 */
final class TemplateNames {
  private TemplateNames() {}

  /** A type's last segment as a word: {@code firewallRules}, {@code ARecords} for {@code A}. */
  static String typeWord(String type) {
    String last = type.substring(type.lastIndexOf('/') + 1);
    return last.equals(last.toUpperCase(Locale.ROOT)) ? last + "-records" : last;
  }

  /** An identifier from a name: {@code vnet-0} is {@code vnet0}, {@code orders.db} is {@code ordersDb}. */
  static String camel(String name) {
    StringBuilder b = new StringBuilder();
    boolean up = false;
    for (char c : name.toCharArray()) {
      if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) {
        b.append(b.length() == 0 ? Character.toLowerCase(c) : up ? Character.toUpperCase(c) : c);
        up = false;
      } else {
        up = true;
      }
    }
    String s = b.length() > 60 ? b.substring(0, 60) : b.toString();
    return s.isEmpty() ? "resource" : Character.isDigit(s.charAt(0)) ? "r" + s : s;
  }

  static String capital(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  /** The names of an id's resource and its parents, outermost first. */
  static List<String> names(ResourceId id) {
    List<String> out = new ArrayList<>();
    for (Optional<ResourceId> at = Optional.of(id); at.isPresent(); at = at.get().parent()) {
      out.add(0, at.get().name());
    }
    return out;
  }

  /** A string as an expression's literal: {@code 'it''s'}. */
  static String q(String s) {
    return "'" + s.replace("'", "''") + "'";
  }

  /** A literal string as a template writes it: one that would read as an expression starts with {@code [[}. */
  static String lit(String s) {
    return s.startsWith("[") && s.endsWith("]") ? "[" + s : s;
  }

  /** Whether a string is a resource id, which a template writes as a {@code resourceId()} call. */
  static boolean isId(String text) {
    return text.regionMatches(true, 0, "/subscriptions/", 0, 15) && ResourceId.tryParse(text).isPresent();
  }

  /** The API version a template declares a type with: a released version that has every member written. */
  static String apiVersion(String type) {
    String t = type.toLowerCase(Locale.ROOT);
    if (t.startsWith("microsoft.network/privatednszones")) {
      return "2020-06-01";
    }
    if (t.startsWith("microsoft.network/dnsresolvers")) {
      return "2022-07-01";
    }
    if (t.startsWith("microsoft.dbforpostgresql/")) {
      return "2024-08-01";
    }
    if (t.equals(TemplateWriter.DEPLOYMENTS.toLowerCase(Locale.ROOT))) {
      return TemplateWriter.DEPLOYMENTS_API;
    }
    return "2023-09-01";
  }
}
