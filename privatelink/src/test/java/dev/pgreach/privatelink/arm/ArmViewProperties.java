package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import dev.pgreach.privatelink.Estate;
import java.util.List;
import java.util.Map;
import java.util.Random;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * The canonical form is a view over the input, not a copy of it: a resource listed once keeps the
 * input's own {@code properties}, and what several listings merge changes the first listing's
 * tree in place. These properties hold that the view reads as copies would: merging documents
 * whose resources overlap, in any order of arrival, gives the estate the whole list gives; and
 * the id spelling the view keeps when it is canonical already is what rewriting it gives.
 */
class ArmViewProperties {

  @Property(tries = 25)
  void aResourceListedOnceIsAViewOfItsListing(@ForAll("estates") Estate estate) {
    ArrayNode rest = ShapeWriters.realise(Shapes.json(ArmExport.write(estate).resourcesJson()));
    JsonNode tree = Json.parse(rest.toString(), "$");
    ShapedInput shaped = ArmShapes.shape(tree);
    int views = 0;
    for (ShapedResource r : shaped.resources()) {
      if (r.sources().size() != 1 || !r.path().matches("\\$\\[\\d+]")) {
        continue; // merged with another listing, or not an element of the list itself
      }
      JsonNode listed = tree.get(Integer.parseInt(r.path().substring(2, r.path().length() - 1)));
      JsonNode props = listed.get("properties");
      if (props != null && props.isObject() && ArmTypes.canonical(r.type().orElseThrow()).isPresent()) {
        assertSame(props, r.resource().get("properties"), r.path());
        views++;
      }
    }
    assertTrue(views > 0 || shaped.resources().isEmpty(), "some resource is a view of its listing");
  }

  @Property(tries = 25)
  void mergedViewsReadAsTheWholeList(@ForAll("estates") Estate estate, @ForAll long seed) {
    ArmExport written = ArmExport.write(estate);
    ArrayNode rest = ShapeWriters.realise(Shapes.json(written.resourcesJson()));
    Companion companion = written.companion();
    Map<String, JsonNode> expected = Shapes.estate(ArmImport.read(rest.toString(), companion));
    Random random = new Random(seed);
    List<ArrayNode> halves = ShapeWriters.split(rest, random);
    List<ArrayNode> again = ShapeWriters.split(rest, random);
    // Each resource merged up to four times, the first listing's tree changed by every later one.
    List<String> documents = List.of(halves.get(0).toString(), halves.get(1).toString(), again.get(0).toString(), again.get(1).toString());
    assertEquals(expected, Shapes.estate(ArmImport.read(documents, companion)), "four overlapping documents");
    List<String> wholeLast = List.of(halves.get(0).toString(), halves.get(1).toString(), rest.toString());
    assertEquals(expected, Shapes.estate(ArmImport.read(wholeLast, companion)), "the halves, then the whole list");
  }

  /** Ids of described types, their fixed segments and types in any case. */
  @Provide
  Arbitrary<String[]> idsAndTypes() {
    Arbitrary<String> name = Arbitraries.strings().withChars("abAB09-_.").ofMinLength(1).ofMaxLength(5);
    Arbitrary<String> type = Arbitraries.of(ArmReader.Kind.values()).map(k -> k.type);
    return Combinators.combine(type, name.list().ofSize(5), Arbitraries.longs(), Arbitraries.integers().between(-1, 1))
        .as((t, names, casing, extra) -> {
          Random random = new Random(casing);
          String[] segments = t.split("/");
          // Every fixed and type segment varied, or one of them only (the others as Azure spells them).
          int only = random.nextBoolean() ? -1 : random.nextInt(3 + segments.length);
          int[] at = {0};
          java.util.function.UnaryOperator<String> vary = text -> only < 0 || only == at[0]++ ? mixed(text, random) : text;
          StringBuilder b = new StringBuilder("/").append(vary.apply("subscriptions")).append('/').append(names.get(0))
              .append('/').append(vary.apply("resourceGroups")).append('/').append(names.get(1))
              .append('/').append(vary.apply("providers")).append('/').append(vary.apply(segments[0]))
              .append('/').append(vary.apply(segments[1])).append('/').append(names.get(2));
          for (int i = 2; i < segments.length + extra; i++) {
            b.append('/').append(i < segments.length ? vary.apply(segments[i]) : "extra").append('/').append(names.get(3));
          }
          return new String[] {b.toString(), t};
        });
  }

  @Property(tries = 1000)
  void aCanonicalIdIsTheRewrittenText(@ForAll("idsAndTypes") String[] idAndType) {
    String id = idAndType[0];
    String type = idAndType[1];
    assertEquals(rewritten(id, type), ResourceForms.canonicalId(id, type), id);
  }

  /** The text unchanged, in lower or upper case, or with letters in either case at random. */
  private static String mixed(String text, Random random) {
    switch (random.nextInt(4)) {
      case 0:
        return text;
      case 1:
        return text.toLowerCase(java.util.Locale.ROOT);
      case 2:
        return text.toUpperCase(java.util.Locale.ROOT);
      default:
        break;
    }
    StringBuilder b = new StringBuilder();
    for (char c : text.toCharArray()) {
      b.append(random.nextBoolean() ? Character.toUpperCase(c) : Character.toLowerCase(c));
    }
    return b.toString();
  }

  /** The plain rewrite: split at every slash, put Azure's spelling in the fixed and type segments, join. */
  private static String rewritten(String idText, String canonicalType) {
    String[] s = idText.split("/", -1);
    String[] t = canonicalType.split("/");
    if (s.length != 5 + 2 * t.length) {
      return idText;
    }
    s[1] = "subscriptions";
    s[3] = "resourceGroups";
    s[5] = "providers";
    s[6] = t[0];
    for (int j = 1; j < t.length; j++) {
      s[5 + 2 * j] = t[j];
    }
    return String.join("/", s);
  }

  @Provide
  Arbitrary<Estate> estates() {
    return ArmEstateArbitraries.estates();
  }
}
