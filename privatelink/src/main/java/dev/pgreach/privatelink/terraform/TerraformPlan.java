package dev.pgreach.privatelink.terraform;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.pgreach.core.ServiceProfile;
import dev.pgreach.privatelink.Comparison;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/**
 * A Terraform plan read as two estates: the one before it (each change's {@code before}, the
 * prior state) and the one it plans (each change's {@code after}, values known only after apply
 * being unknown), so that {@link Comparison} answers what the plan breaks: changes Azure forbids
 * or that re-create a server in another network, clients that lose or gain access, addresses that
 * gain or lose the ability to reach a server.
 *
 * <pre>{@code
 * TerraformPlan plan = TerraformImport.readPlan(Files.readString(Path.of("plan.json")), companion);
 * Comparison c = plan.compare(ServiceProfile.current(), Instant.now());
 * c.forbiddenChanges();   // [SERVER_MOVED …]
 * plan.after().estate();  // the planned estate, for validate, check and expose
 * }</pre>
 *
 * <p>Resources being destroyed are only in {@link #before()}, created ones only in {@link
 * #after()}; a forgotten resource ({@code forget}: removed from the state, not destroyed) is in
 * both as it was; deposed objects are in neither. Data sources are resources outside the input in
 * both.
 */
public final class TerraformPlan {
  private final TerraformImport before;
  private final TerraformImport after;
  private final ImmutableSortedMap<String, ImmutableList<String>> actions;
  private final ImmutableList<String> notes;

  TerraformPlan(TerraformImport before, TerraformImport after, List<String[]> changes, List<String> notes) {
    this.before = before;
    this.after = after;
    ImmutableSortedMap.Builder<String, ImmutableList<String>> b = ImmutableSortedMap.naturalOrder();
    java.util.Map<String, ImmutableList<String>> seen = new java.util.LinkedHashMap<>();
    for (String[] c : changes) {
      seen.putIfAbsent(c[0], ImmutableList.copyOf(Arrays.asList(c[1].split(","))));
    }
    b.putAll(seen);
    this.actions = b.build();
    this.notes = ImmutableList.copyOf(notes);
  }

  /**
   * Returns the estate before the plan.
   *
   * @return the estate as it is
   */
  public TerraformImport before() {
    return before;
  }

  /**
   * Returns the estate the plan makes.
   *
   * @return the planned estate
   */
  public TerraformImport after() {
    return after;
  }

  /**
   * Returns each changed address's actions as the plan writes them ({@code ["delete", "create"]}
   * for a replacement, {@code ["no-op"]} for none).
   *
   * @return actions by address, sorted by address
   */
  public ImmutableSortedMap<String, ImmutableList<String>> actions() {
    return actions;
  }

  /**
   * Returns the document's notes (deposed objects, forgotten resources …), each starting with its
   * JSON path.
   *
   * @return the notes
   */
  public ImmutableList<String> notes() {
    return notes;
  }

  /**
   * Compares the estate before the plan with the planned one.
   *
   * @param profile the service profile
   * @param at the instant both are judged at
   * @return what the plan changes
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#MISSING_ATTRIBUTE}
   *     for a null argument
   */
  public Comparison compare(ServiceProfile profile, Instant at) {
    Checks.notNull(profile, "TerraformPlan.compare.profile");
    Checks.notNull(at, "TerraformPlan.compare.at");
    return Comparison.of(before.estate(), after.estate(), profile, at);
  }

  @Override
  public String toString() {
    return "TerraformPlan[" + actions.size() + " changes; before " + before + "; after " + after + "]";
  }
}
