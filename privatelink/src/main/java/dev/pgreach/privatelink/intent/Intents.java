package dev.pgreach.privatelink.intent;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Connectivity;
import dev.pgreach.privatelink.Estate;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A set of reachability intents, checked together against an estate, and the intent file the
 * command line reads ({@code pgreach verify --intents intents.json}).
 *
 * <p>The intent file is a JSON object with one member, {@code intents}, an array of objects; each
 * has a {@code kind} and the members of that kind:
 *
 * <pre>{@code
 * {
 *   "intents": [
 *     { "kind": "noServerReachableFromInternet" },
 *     { "kind": "reachableOnlyFrom", "server": "orders-db", "from": ["spoke-apps", "hub/management", "datacenter"] },
 *     { "kind": "clientsCanConnect", "server": "orders-db", "clients": ["orders-api"] },
 *     { "kind": "resolvableWhereRoutable", "servers": ["orders-db"] },
 *     { "kind": "noAzureServicesRule" },
 *     { "kind": "privateEndpointsApproved" }
 *   ]
 * }
 * }</pre>
 *
 * <p>{@code servers} and {@code clients} are optional (absent or empty: all of them); {@code
 * server} and {@code from} are required where shown. See {@link Intent} for what each kind means.
 */
public final class Intents {
  private final ImmutableList<Intent> intents;

  private Intents(ImmutableList<Intent> intents) {
    this.intents = intents;
  }

  /**
   * Returns a set of intents.
   *
   * @param intents the intents, in the order their results are reported
   * @return the set
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null intent
   */
  public static Intents of(Intent... intents) {
    if (intents == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Intents.of.intents must not be null");
    }
    return of(Arrays.asList(intents));
  }

  /**
   * Returns a set of intents.
   *
   * @param intents the intents, in the order their results are reported
   * @return the set
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null intent
   */
  public static Intents of(List<Intent> intents) {
    if (intents == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Intents.of.intents must not be null");
    }
    for (int i = 0; i < intents.size(); i++) {
      if (intents.get(i) == null) {
        throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Intents.of.intents[%d] must not be null", i);
      }
    }
    return new Intents(ImmutableList.copyOf(intents));
  }

  /**
   * Reads an intent file.
   *
   * @param json the file's text
   * @return the intents
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} naming the JSON path and the value,
   *     for text that is not JSON, a member that is not known, a kind that is not known, a missing
   *     or mistyped member; every independent problem of the file at once
   */
  public static Intents parse(String json) {
    if (json == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Intents.parse.json must not be null");
    }
    return new Intents(IntentFile.read(json));
  }

  /**
   * Reads an intent file for an estate: every problem of the file, then every server, client or
   * place that its well-formed intents name and the estate does not hold, at once, each at its
   * JSON path ({@code $.intents[1].kind}, {@code $.intents[0] (noServerReachableFromInternet) names
   * server "nope"}).
   *
   * @param json the file's text
   * @param estate the estate the intents are about
   * @return the intents
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} as {@link #parse(String)}, together
   *     with {@link ErrorCode#UNKNOWN_RESOURCE} for a name the estate does not hold; {@link
   *     ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public static Intents parse(String json, Estate estate) {
    if (json == null || estate == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Intents.parse.%s must not be null", json == null ? "json" : "estate");
    }
    IntentFile.Read read = IntentFile.readAll(json);
    List<PgreachException> problems = new java.util.ArrayList<>(read.problems());
    problems.addAll(IntentCheck.unknownNames(estate, read.intents(), read.positions(), "$.intents"));
    if (!problems.isEmpty()) {
      throw PgreachException.several(problems, 0);
    }
    return new Intents(read.intents());
  }

  /**
   * Returns the intents.
   *
   * @return the intents, in order
   */
  public ImmutableList<Intent> intents() {
    return intents;
  }

  /**
   * Writes the intents as an intent file that {@link #parse(String)} reads back to equal intents.
   *
   * @return indented JSON text
   */
  public String toJson() {
    return IntentFile.write(intents);
  }

  /**
   * Checks every intent against an estate.
   *
   * @param estate the estate
   * @param profile the service profile whose rules apply
   * @param at the instant the question is asked at (firewall changes propagate for a while)
   * @return one result per intent, in order
   * @throws PgreachException {@link ErrorCode#UNKNOWN_RESOURCE} naming the intent and the name,
   *     when an intent names a server, client or place the estate does not hold (every such name
   *     at once); {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public IntentReport verify(Estate estate, ServiceProfile profile, Instant at) {
    if (estate == null || profile == null || at == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Intents.verify.%s must not be null", estate == null ? "estate" : profile == null ? "profile" : "at");
    }
    return verify(Connectivity.of(estate, profile), at);
  }

  /**
   * Checks every intent with a compiled connectivity (reuse it to check several sets of intents).
   *
   * @param connectivity the estate's connectivity under a profile
   * @param at the instant
   * @return one result per intent, in order
   * @throws PgreachException as {@link #verify(Estate, ServiceProfile, Instant)}
   */
  public IntentReport verify(Connectivity connectivity, Instant at) {
    if (connectivity == null || at == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Intents.verify.%s must not be null", connectivity == null ? "connectivity" : "at");
    }
    IntentCheck check = new IntentCheck(connectivity, at);
    check.requireNames(intents);
    ImmutableList.Builder<IntentResult> results = ImmutableList.builder();
    for (Intent intent : intents) {
      results.add(check.check(intent));
    }
    return new IntentReport(results.build());
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Intents o && o.intents.equals(intents);
  }

  @Override
  public int hashCode() {
    return intents.hashCode();
  }

  @Override
  public String toString() {
    return "Intents" + intents.stream().map(Intent::describe).toList();
  }
}
