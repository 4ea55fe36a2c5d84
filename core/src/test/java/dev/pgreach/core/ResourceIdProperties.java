package dev.pgreach.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.common.collect.ImmutableList;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * {@link ResourceId#parse} reads an id in one pass over its text; these properties hold it to the
 * plain reading (split at every slash, check each segment) on text made of id pieces, many of
 * them slightly wrong, and hold {@link ResourceId#parent()} to parsing the parent's text.
 */
class ResourceIdProperties {

  /** Text shaped like ids: right and wrong fixed segments, names with blanks, odd characters and empty parts. */
  @Provide
  Arbitrary<String> nearlyIds() {
    Arbitrary<String> fixed =
        Arbitraries.of("subscriptions", "SUBSCRIPTIONS", "resourceGroups", "resourcegroups", "providers", "Providers", "subscription", "", " providers");
    Arbitrary<String> names =
        Arbitraries.oneOf(
            Arbitraries.strings().withChars("abAB09-_.").ofMinLength(1).ofMaxLength(6),
            Arbitraries.strings().withChars("ab \t\u00a0\u2003\u0130\u0131\u212a").ofMaxLength(4),
            Arbitraries.of("Microsoft.Network", "virtualNetworks", "subnets", "flexibleServers", "firewallRules", "x"));
    Arbitrary<String> segment = Arbitraries.frequencyOf(
        net.jqwik.api.Tuple.of(1, fixed), net.jqwik.api.Tuple.of(3, names));
    Arbitrary<String> wellShaped =
        Arbitraries.integers().between(0, 3).flatMap(children ->
            Combinators.combine(names.list().ofSize(3 + 2 * children), Arbitraries.of("subscriptions", "SubScriptions"), Arbitraries.of("resourceGroups", "RESOURCEGROUPS"))
                .as((n, sub, rg) -> {
                  StringBuilder b = new StringBuilder("/").append(sub).append('/').append(n.get(0)).append('/').append(rg).append('/').append(n.get(1))
                      .append("/providers/Microsoft.Network/virtualNetworks/").append(n.get(2));
                  for (int i = 3; i < n.size(); i += 2) {
                    b.append('/').append(n.get(i)).append('/').append(n.get(i + 1));
                  }
                  return b.toString();
                }));
    Arbitrary<String> anyShape = segment.list().ofMinSize(0).ofMaxSize(14).map(l -> String.join("/", l));
    Arbitrary<String> withSlash = anyShape.map(s -> "/" + s);
    return Arbitraries.oneOf(wellShaped, withSlash, anyShape, wellShaped.map(s -> s + "/"), wellShaped.map(s -> s.replace("/providers/", "//providers/")));
  }

  @Property(tries = 2000)
  void parseAgreesWithThePlainReading(@ForAll("nearlyIds") String text) {
    Optional<List<String>> expected = plainParts(text);
    Optional<ResourceId> id = ResourceId.tryParse(text);
    assertEquals(expected.isPresent(), id.isPresent(), text);
    if (id.isPresent()) {
      assertEquals(expected.get(), parts(id.get()), text);
    } else {
      PgreachException e = org.junit.jupiter.api.Assertions.assertThrows(PgreachException.class, () -> ResourceId.parse(text));
      assertEquals(ErrorCode.INVALID_RESOURCE_ID, e.code());
      assertEquals(plainProblem(text), e.getMessage(), text);
    }
  }

  @Property(tries = 1000)
  void aParentIsWhatItsTextParsesTo(@ForAll("nearlyIds") String text) {
    Optional<ResourceId> id = ResourceId.tryParse(text);
    for (Optional<ResourceId> at = id; at.isPresent(); at = at.get().parent()) {
      ResourceId child = at.get();
      Optional<ResourceId> parent = child.parent();
      if (parent.isPresent()) {
        ResourceId reparsed = ResourceId.parse(parent.get().toString());
        assertEquals(parts(reparsed), parts(parent.get()), text);
        assertTrue(child.toString().startsWith(parent.get().toString() + "/"), text);
      } else {
        assertEquals(1, child.toString().split("/", -1).length - 8, text);
      }
    }
  }

  private static List<String> parts(ResourceId id) {
    List<String> out = new ArrayList<>(List.of(id.toString(), id.subscriptionId(), id.resourceGroup(), id.type(), id.name()));
    out.add(String.valueOf(id.hashCode()));
    return out;
  }

  /** The plain reading: split at every slash, then check every segment. */
  private static Optional<List<String>> plainParts(String text) {
    return plainProblem(text) != null ? Optional.empty() : Optional.of(plain(text));
  }

  private static List<String> plain(String text) {
    String[] s = text.split("/", -1);
    StringBuilder type = new StringBuilder(s[6]).append('/').append(s[7]);
    ImmutableList.Builder<String> names = ImmutableList.builder();
    names.add(s[8]);
    for (int i = 9; i < s.length; i += 2) {
      type.append('/').append(s[i]);
      names.add(s[i + 1]);
    }
    List<String> n = names.build();
    return new ArrayList<>(List.of(text, s[2], s[4], type.toString(), n.get(n.size() - 1), String.valueOf(text.toLowerCase(java.util.Locale.ROOT).hashCode())));
  }

  /** The message of the plain reading's problem, or null when it finds none. */
  private static String plainProblem(String text) {
    String[] s = text.split("/", -1);
    if (s.length < 9 || s.length % 2 == 0 || !s[0].isEmpty() || !s[1].equalsIgnoreCase("subscriptions") || !s[3].equalsIgnoreCase("resourceGroups") || !s[5].equalsIgnoreCase("providers")) {
      return "ResourceId (\"" + text + "\") is not /subscriptions/{id}/resourceGroups/{group}/providers/{namespace}/{type}/{name}";
    }
    for (int i = 1; i < s.length; i++) {
      if (s[i].isBlank() || !s[i].strip().equals(s[i])) {
        return "ResourceId (\"" + text + "\") has an empty or blank-padded segment at position " + i;
      }
    }
    return null;
  }
}
