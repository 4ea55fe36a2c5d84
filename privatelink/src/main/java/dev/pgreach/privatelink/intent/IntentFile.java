package dev.pgreach.privatelink.intent;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads and writes the intent file (see {@link Intents}). */
final class IntentFile {
  private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The members each kind may have besides {@code kind}. */
  private static final Map<String, Set<String>> MEMBERS =
      Map.of(
          "noServerReachableFromInternet", Set.of("servers"),
          "reachableOnlyFrom", Set.of("server", "from"),
          "clientsCanConnect", Set.of("server", "clients"),
          "resolvableWhereRoutable", Set.of("servers"),
          "noAzureServicesRule", Set.of("servers"),
          "privateEndpointsApproved", Set.of("servers"));

  private IntentFile() {}

  /**
   * What a file holds: the intents that are well formed, the position of each in the file, and the
   * problems of the others.
   */
  record Read(ImmutableList<Intent> intents, ImmutableList<Integer> positions, ImmutableList<PgreachException> problems) {}

  static ImmutableList<Intent> read(String text) {
    Read r = readAll(text);
    if (!r.problems().isEmpty()) {
      throw PgreachException.several(r.problems(), 0);
    }
    return r.intents();
  }

  /**
   * Reads every intent of a file, gathering the problems of those that are not well formed; text
   * that is not JSON, or a root that is not an object, stops reading at once.
   */
  static Read readAll(String text) {
    JsonNode root;
    try {
      root = JSON.readTree(text);
    } catch (JsonProcessingException e) {
      throw PgreachException.of(
          ErrorCode.INVALID_INPUT,
          "intents: not JSON: %s", dev.pgreach.privatelink.arm.JsonSyntax.describe(e, text));
    }
    List<PgreachException> problems = new ArrayList<>();
    if (root == null || !root.isObject()) {
      throw PgreachException.of(ErrorCode.INVALID_INPUT, "$ (%s) must be an object with an \"intents\" array", show(root));
    }
    unknownMembers(root, "$", Set.of("intents"), problems);
    JsonNode list = root.get("intents");
    List<Intent> out = new ArrayList<>();
    List<Integer> positions = new ArrayList<>();
    if (list == null) {
      problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "$.intents is missing"));
    } else if (!list.isArray()) {
      problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "$.intents (%s) must be an array", show(list)));
    } else {
      for (int i = 0; i < list.size(); i++) {
        Intent intent = intent(list.get(i), "$.intents[" + i + "]", problems);
        if (intent != null) {
          out.add(intent);
          positions.add(i);
        }
      }
    }
    return new Read(ImmutableList.copyOf(out), ImmutableList.copyOf(positions), ImmutableList.copyOf(problems));
  }

  private static Intent intent(JsonNode node, String path, List<PgreachException> problems) {
    if (!node.isObject()) {
      problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s (%s) must be an object with a \"kind\"", path, show(node)));
      return null;
    }
    JsonNode kindNode = node.get("kind");
    if (kindNode == null || !kindNode.isTextual()) {
      problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.kind (%s) must be one of %s", path, show(kindNode), MEMBERS.keySet().stream().sorted().toList()));
      return null;
    }
    String kind = kindNode.asText();
    Set<String> members = MEMBERS.get(kind);
    if (members == null) {
      problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.kind (\"%s\") must be one of %s", path, kind, MEMBERS.keySet().stream().sorted().toList()));
      return null;
    }
    int before = problems.size();
    unknownMembers(node, path, union(members, "kind"), problems);
    String server = members.contains("server") ? text(node, path, "server", problems) : null;
    List<String> servers = members.contains("servers") ? names(node, path, "servers", false, problems) : List.of();
    List<String> clients = members.contains("clients") ? names(node, path, "clients", false, problems) : List.of();
    List<String> from = members.contains("from") ? names(node, path, "from", true, problems) : List.of();
    if (problems.size() > before) {
      return null;
    }
    switch (kind) {
      case "noServerReachableFromInternet":
        return new Intent.NoInternetExposure(ImmutableList.copyOf(servers));
      case "reachableOnlyFrom":
        return new Intent.ReachableOnlyFrom(server, ImmutableList.copyOf(from));
      case "clientsCanConnect":
        return new Intent.ClientsCanConnect(server, ImmutableList.copyOf(clients));
      case "resolvableWhereRoutable":
        return new Intent.ResolvableWhereRoutable(ImmutableList.copyOf(servers));
      case "noAzureServicesRule":
        return new Intent.NoAzureServicesRule(ImmutableList.copyOf(servers));
      default:
        return new Intent.PrivateEndpointsApproved(ImmutableList.copyOf(servers));
    }
  }

  private static Set<String> union(Set<String> a, String b) {
    java.util.HashSet<String> s = new java.util.HashSet<>(a);
    s.add(b);
    return s;
  }

  private static void unknownMembers(JsonNode node, String path, Set<String> allowed, List<PgreachException> problems) {
    for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!allowed.contains(name)) {
        problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.%s is not a known member (known: %s)", path, name, allowed.stream().sorted().toList()));
      }
    }
  }

  private static String text(JsonNode node, String path, String member, List<PgreachException> problems) {
    JsonNode v = node.get(member);
    if (v == null) {
      problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.%s is missing", path, member));
      return null;
    }
    if (!v.isTextual() || v.asText().isBlank()) {
      problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.%s (%s) must be a non-blank string", path, member, show(v)));
      return null;
    }
    return v.asText();
  }

  private static List<String> names(JsonNode node, String path, String member, boolean required, List<PgreachException> problems) {
    JsonNode v = node.get(member);
    if (v == null) {
      if (required) {
        problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.%s is missing", path, member));
      }
      return List.of();
    }
    if (!v.isArray()) {
      problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.%s (%s) must be an array of names", path, member, show(v)));
      return List.of();
    }
    List<String> out = new ArrayList<>();
    for (int i = 0; i < v.size(); i++) {
      JsonNode e = v.get(i);
      if (!e.isTextual() || e.asText().isBlank()) {
        problems.add(PgreachException.of(ErrorCode.INVALID_INPUT, "%s.%s[%d] (%s) must be a non-blank string", path, member, i, show(e)));
      } else {
        out.add(e.asText());
      }
    }
    return out;
  }

  private static String show(JsonNode v) {
    if (v == null) {
      return "absent";
    }
    String s = v.toString();
    return s.length() > 60 ? s.substring(0, 57) + "..." : s;
  }

  static String write(List<Intent> intents) {
    ObjectNode root = JSON.createObjectNode();
    ArrayNode list = root.putArray("intents");
    for (Intent intent : intents) {
      ObjectNode o = list.addObject();
      o.put("kind", intent.kind());
      if (intent instanceof Intent.NoInternetExposure x) {
        array(o, "servers", x.servers());
      } else if (intent instanceof Intent.ReachableOnlyFrom x) {
        o.put("server", x.server());
        ArrayNode from = o.putArray("from");
        x.from().forEach(from::add);
      } else if (intent instanceof Intent.ClientsCanConnect x) {
        o.put("server", x.server());
        array(o, "clients", x.clients());
      } else if (intent instanceof Intent.ResolvableWhereRoutable x) {
        array(o, "servers", x.servers());
      } else if (intent instanceof Intent.NoAzureServicesRule x) {
        array(o, "servers", x.servers());
      } else {
        array(o, "servers", ((Intent.PrivateEndpointsApproved) intent).servers());
      }
    }
    try {
      return JSON.writeValueAsString(root);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a tree of strings always writes", e);
    }
  }

  private static void array(ObjectNode o, String member, List<String> names) {
    if (!names.isEmpty()) {
      ArrayNode a = o.putArray(member);
      names.forEach(a::add);
    }
  }
}
