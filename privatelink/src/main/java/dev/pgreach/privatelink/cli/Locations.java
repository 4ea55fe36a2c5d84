package dev.pgreach.privatelink.cli;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadConstraints;
import dev.pgreach.privatelink.arm.ArmDocument;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Where each resource of the input is written, for reports that point into the input (SARIF's
 * physical locations), and the suppression tag each resource carries.
 *
 * <p>Every JSON object with a string member {@code id} that starts with {@code /} is a resource:
 * its file, JSON path ({@code $[3].properties.securityRules[0]}), line and column are kept under
 * its id, ignoring case, the first place it is written winning. Its {@code tags} member's {@link
 * #SUPPRESS_TAG} value, a comma-separated list of finding codes, is kept too. Templates write ids
 * as expressions, which are not indexed: findings about their resources have a file but no path.
 * The documents were read by the import already; one that this reader cannot read is left out.
 */
final class Locations {
  /**
   * The resource tag that suppresses findings: its value lists finding codes, comma-separated
   * ({@code "pgreach-suppress": "PUBLIC_ACCESS_WIDE_OPEN,SERVER_UNREACHABLE"}), or {@code *} for
   * every code; it applies to the resource and everything under its id.
   */
  static final String SUPPRESS_TAG = "pgreach-suppress";

  /**
   * Where a resource is written.
   *
   * @param file the file (the document's name)
   * @param path the JSON path of the resource's object
   * @param line the line of the object's opening brace, from 1
   * @param column the column of the object's opening brace, from 1
   */
  record Place(String file, String path, int line, int column) {}

  private final Map<String, Place> places = new LinkedHashMap<>();
  private final Map<String, List<String>> suppressions = new LinkedHashMap<>();
  private final List<String> files = new ArrayList<>();

  private Locations() {}

  /**
   * Indexes documents.
   *
   * @param documents the documents, named by their files
   * @return the index
   */
  static Locations of(List<ArmDocument> documents) {
    Locations l = new Locations();
    JsonFactory factory =
        JsonFactory.builder().streamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(500).build()).build();
    for (ArmDocument d : documents) {
      l.files.add(d.name());
      try (JsonParser p = factory.createParser(d.json())) {
        l.walk(d.name(), p);
      } catch (IOException | RuntimeException e) {
        // Read by the import already; a document this index cannot walk only loses its locations.
      }
    }
    return l;
  }

  /** The files read, in order. */
  List<String> files() {
    return List.copyOf(files);
  }

  /**
   * Returns where the resource a finding names is written: the resource itself, else the nearest
   * resource whose id starts the name (a rule of a security group, a link of a zone).
   *
   * @param resource the finding's resource: an ARM id, perhaps with more after it
   * @return the place, if the input writes the resource or a parent with a literal id
   */
  Optional<Place> place(String resource) {
    return nearest(resource, places);
  }

  /**
   * Returns the codes a resource's suppression tag lists, its parents' included.
   *
   * @param resource the finding's resource
   * @return the codes ({@code *} for all), or empty
   */
  List<String> suppressed(String resource) {
    List<String> all = new ArrayList<>();
    String r = resource.toLowerCase(Locale.ROOT);
    suppressions.forEach((id, codes) -> {
      if (r.equals(id) || r.startsWith(id + "/") || r.startsWith(id + ".")) {
        all.addAll(codes);
      }
    });
    return all;
  }

  private static <T> Optional<T> nearest(String resource, Map<String, T> map) {
    String r = resource.toLowerCase(Locale.ROOT);
    T exact = map.get(r);
    if (exact != null) {
      return Optional.of(exact);
    }
    String best = null;
    for (String id : map.keySet()) {
      if ((r.startsWith(id + "/") || r.startsWith(id + ".")) && (best == null || id.length() > best.length())) {
        best = id;
      }
    }
    return best == null ? Optional.empty() : Optional.of(map.get(best));
  }

  /** One open object or array while walking. */
  private static final class Frame {
    final String path;
    final boolean array;
    final JsonLocation start;
    int index = -1;
    String field;
    String id;
    List<String> tagCodes;

    Frame(String path, boolean array, JsonLocation start) {
      this.path = path;
      this.array = array;
      this.start = start;
    }

    String child() {
      return array ? path + "[" + index + "]" : path + (field.matches("[A-Za-z_][A-Za-z0-9_]*") ? "." + field : "['" + field + "']");
    }
  }

  private void walk(String file, JsonParser p) throws IOException {
    Deque<Frame> stack = new ArrayDeque<>();
    JsonToken t;
    while ((t = p.nextToken()) != null) {
      Frame top = stack.peek();
      if (top != null && top.array && t != JsonToken.END_ARRAY) {
        top.index++;
      }
      switch (t) {
        case START_OBJECT:
        case START_ARRAY:
          {
            String path = top == null ? "$" : top.child();
            Frame f = new Frame(path, t == JsonToken.START_ARRAY, p.currentTokenLocation());
            stack.push(f);
            break;
          }
        case END_OBJECT:
          {
            Frame f = stack.pop();
            if (f.id != null) {
              String key = f.id.toLowerCase(Locale.ROOT);
              places.putIfAbsent(key, new Place(file, f.path, f.start.getLineNr(), f.start.getColumnNr()));
              if (f.tagCodes != null) {
                suppressions.computeIfAbsent(key, k -> new ArrayList<>()).addAll(f.tagCodes);
              }
            }
            break;
          }
        case END_ARRAY:
          stack.pop();
          break;
        case FIELD_NAME:
          top.field = p.currentName();
          break;
        case VALUE_STRING:
          if (top != null && !top.array) {
            String value = p.getText();
            if ("id".equals(top.field) && value.startsWith("/")) {
              top.id = value;
            } else if (SUPPRESS_TAG.equalsIgnoreCase(top.field) && stack.size() >= 2 && isTags(stack)) {
              Frame owner = ownerOfTags(stack);
              if (owner.tagCodes == null) {
                owner.tagCodes = new ArrayList<>();
              }
              for (String code : value.split(",", -1)) {
                if (!code.isBlank()) {
                  owner.tagCodes.add(code.strip().toUpperCase(Locale.ROOT));
                }
              }
            }
          }
          break;
        default:
          break;
      }
    }
  }

  /** Whether the innermost object is a {@code tags} object of a resource. */
  private static boolean isTags(Deque<Frame> stack) {
    Frame top = stack.peek();
    return top.path.endsWith(".tags");
  }

  private static Frame ownerOfTags(Deque<Frame> stack) {
    java.util.Iterator<Frame> it = stack.iterator();
    it.next();
    return it.next();
  }
}
