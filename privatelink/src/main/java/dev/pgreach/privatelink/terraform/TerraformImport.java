package dev.pgreach.privatelink.terraform;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import dev.pgreach.privatelink.Estate;
import dev.pgreach.privatelink.arm.ArmImport;
import dev.pgreach.privatelink.arm.Companion;
import dev.pgreach.privatelink.arm.ResourceInput;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * An estate read from Terraform's machine-readable JSON ({@code terraform show -json}) of a
 * state, or of one side of a plan ({@link TerraformPlan}), with a report of what was read.
 *
 * <p>Each {@code azurerm} resource pgreach reads is mapped to the Azure resource it makes, in the
 * form Azure Resource Manager gives it, and read by the same reader as ARM JSON ({@link
 * ArmImport}), so there is one mapping from Azure's resources to the model. The module README's
 * "Terraform" section lists the types and the attribute each Azure property comes from. Values
 * known only after apply are unknown (never a default), and so are sensitive values, which are
 * never read or printed. Resources of other types are counted in {@link #skippedTypes()}.
 *
 * <pre>{@code
 * TerraformImport state = TerraformImport.readState(Files.readString(Path.of("state.json")), Companion.empty());
 * Estate estate = state.estate();
 * state.addresses();      // {azurerm_subnet.db=/subscriptions/…/subnets/db, …}
 * state.skippedTypes();   // {azurerm_kubernetes_cluster=1, azurerm_resource_group=1}
 * }</pre>
 *
 * <p><b>Warning:</b> this class uses Jackson, an optional dependency of pgreach-privatelink: add
 * {@code com.fasterxml.jackson.core:jackson-databind} to use it.
 */
public final class TerraformImport {
  private final ArmImport reading;
  private final ImmutableSortedMap<String, ResourceId> addresses;
  private final ImmutableSortedMap<String, Integer> skippedTypes;
  private final ImmutableList<String> notes;
  private final int resourceCount;

  private TerraformImport(ArmImport reading, Map<String, ResourceId> addresses, Map<String, Integer> skippedTypes, List<String> notes, int resourceCount) {
    this.reading = reading;
    this.addresses = ImmutableSortedMap.copyOf(addresses);
    this.skippedTypes = ImmutableSortedMap.copyOf(skippedTypes);
    this.notes = ImmutableList.copyOf(notes);
    this.resourceCount = resourceCount;
  }

  /**
   * Reads the JSON of a state ({@code terraform show -json} of a state, {@code values.root_module}
   * with its {@code child_modules}).
   *
   * @param json the document
   * @param companion what Terraform does not hold (clients, DNS servers …), as for ARM JSON
   * @return the estate and the report
   * @throws PgreachException {@link ErrorCode#INVALID_INPUT} for JSON that cannot be read, a
   *     format version other than 0.x or 1.x, a plan, or a mistake in shape; the reader's codes for
   *     what the resources say ({@link ErrorCode#DANGLING_REFERENCE}, {@link
   *     ErrorCode#DUPLICATE_RESOURCE}, the model's own); every independent problem at once, each
   *     message starting with the Terraform address and attribute, such as {@code
   *     module.db.azurerm_postgresql_flexible_server.main[0].delegated_subnet_id}, and never showing
   *     a sensitive value; {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public static TerraformImport readState(String json, Companion companion) {
    Checks.notNull(json, "TerraformImport.readState.json");
    Checks.notNull(companion, "TerraformImport.readState.companion");
    return state(json, companion, false);
  }

  /**
   * Reads a state as {@link #readState} does, but leaves out every resource whose own content
   * Azure would refuse (a rule whose priority another rule of its group and direction already
   * uses, a resource listed twice with other properties, a value the model rejects) instead of
   * failing, as {@link ArmImport#readLeavingOutRefused(ResourceInput, Companion)} does: each such
   * resource's problems are in {@code reading().refused()}, named by Terraform address, and what
   * refers to it finds it outside the input, so answers that depend on it are indeterminate. This
   * is how {@code pgreach validate --state} reads.
   *
   * @param json the document
   * @param companion what Terraform does not hold
   * @return the estate of the resources that can be read, the report and the refusals
   * @throws PgreachException as {@link #readState} does, for problems no resource can be left out
   *     for (a malformed document, a companion entry)
   */
  public static TerraformImport readStateLeavingOutRefused(String json, Companion companion) {
    Checks.notNull(json, "TerraformImport.readStateLeavingOutRefused.json");
    Checks.notNull(companion, "TerraformImport.readStateLeavingOutRefused.companion");
    return state(json, companion, true);
  }

  private static TerraformImport state(String json, Companion companion, boolean leaveOutRefused) {
    TerraformDocument d = TerraformDocument.parse(json, TerraformDocument.Kind.STATE);
    if (!d.problems.isEmpty()) {
      throw PgreachException.several(d.problems, 0);
    }
    Side side = new Side("state", d.before, new References(d.root.path("configuration")), Optional.empty(), subscription(d));
    List<PgreachException> problems = new ArrayList<>();
    TerraformImport read = read(side, companion, problems, d.notes, leaveOutRefused);
    if (!problems.isEmpty()) {
      throw PgreachException.several(problems, 0);
    }
    return read;
  }

  /**
   * Reads the JSON of a plan ({@code terraform show -json plan.out}): the estate before it and
   * the estate it plans.
   *
   * @param json the document
   * @param companion what Terraform does not hold, for both estates
   * @return both estates and what changes
   * @throws PgreachException as {@link #readState} does; a state is {@link
   *     ErrorCode#INVALID_INPUT}; a problem only the estate before the plan has ends with {@code
   *     (before the plan)}
   */
  public static TerraformPlan readPlan(String json, Companion companion) {
    Checks.notNull(json, "TerraformImport.readPlan.json");
    Checks.notNull(companion, "TerraformImport.readPlan.companion");
    return plan(json, companion, false);
  }

  /**
   * Reads a plan as {@link #readPlan} does, but leaves out, on each side, every resource whose own
   * content Azure would refuse instead of failing, as {@link #readStateLeavingOutRefused} does;
   * each side's refusals are in its {@code reading().refused()}. This is how {@code pgreach
   * validate --plan} reads.
   *
   * @param json the document
   * @param companion what Terraform does not hold, for both estates
   * @return both estates, without what Azure would refuse, and what changes
   * @throws PgreachException as {@link #readPlan} does, for problems no resource can be left out
   *     for
   */
  public static TerraformPlan readPlanLeavingOutRefused(String json, Companion companion) {
    Checks.notNull(json, "TerraformImport.readPlanLeavingOutRefused.json");
    Checks.notNull(companion, "TerraformImport.readPlanLeavingOutRefused.companion");
    return plan(json, companion, true);
  }

  private static TerraformPlan plan(String json, Companion companion, boolean leaveOutRefused) {
    TerraformDocument d = TerraformDocument.parse(json, TerraformDocument.Kind.PLAN);
    if (!d.problems.isEmpty()) {
      throw PgreachException.several(d.problems, 0);
    }
    References refs = new References(d.root.path("configuration"));
    String subscription = subscription(d);
    Side before = new Side("before", d.before, refs, Optional.empty(), subscription);
    Side after = new Side("after", d.after, refs, Optional.of(before), subscription);
    for (String[] c : d.changes) {
      after.actions.putIfAbsent(c[0], List.of(c[1].split(",")));
    }
    List<PgreachException> afterProblems = new ArrayList<>();
    List<PgreachException> beforeProblems = new ArrayList<>();
    TerraformImport planned = read(after, companion, afterProblems, d.notes, leaveOutRefused);
    TerraformImport was = read(before, companion, beforeProblems, List.of(), leaveOutRefused);
    Set<String> seen = new LinkedHashSet<>();
    List<PgreachException> all = new ArrayList<>();
    for (PgreachException p : afterProblems) {
      if (seen.add(p.getMessage())) {
        all.add(p);
      }
    }
    for (PgreachException p : beforeProblems) {
      if (seen.add(p.getMessage())) {
        all.add(new PgreachException(p.code(), p.getMessage() + " (before the plan)"));
      }
    }
    if (!all.isEmpty()) {
      throw PgreachException.several(all, 0);
    }
    return new TerraformPlan(was, planned, d.changes, d.notes);
  }

  /** Reads one side; problems are added to {@code problems}, and the result is null when there are any. */
  private static TerraformImport read(Side side, Companion companion, List<PgreachException> problems, List<String> documentNotes, boolean leaveOutRefused) {
    Mapping m = new Mapping(side);
    ResourceInput input = m.map();
    problems.addAll(side.problems);
    ArmImport reading;
    try {
      reading = leaveOutRefused ? ArmImport.readLeavingOutRefused(input, companion) : ArmImport.read(input, companion);
    } catch (PgreachException e) {
      problems.addAll(e.problems().isEmpty() ? List.of(e) : e.problems());
      return null;
    }
    if (!problems.isEmpty()) {
      return null;
    }
    List<String> notes = new ArrayList<>(documentNotes);
    notes.addAll(reading.notes());
    return new TerraformImport(reading, m.addresses, m.skipped, notes, m.read());
  }

  /** The one subscription the document's known ids show, or the zero subscription. */
  private static String subscription(TerraformDocument d) {
    Set<String> subscriptions = new LinkedHashSet<>();
    List<Instance> all = new ArrayList<>(d.before);
    all.addAll(d.after);
    for (Instance i : all) {
      i.text("id").flatMap(ResourceId::tryParse).ifPresent(id -> subscriptions.add(id.subscriptionId().toLowerCase(java.util.Locale.ROOT)));
      if (i.type().equals("azurerm_client_config") || i.type().equals("azurerm_subscription")) {
        i.text("subscription_id").ifPresent(s -> subscriptions.add(s.toLowerCase(java.util.Locale.ROOT)));
      }
    }
    return subscriptions.size() == 1 ? subscriptions.iterator().next() : Side.ZERO_SUBSCRIPTION;
  }

  /**
   * Returns the ARM reader's report: the estate, how many Azure resources were read, the notes.
   * The command line hands it on where it takes an {@link ArmImport}.
   *
   * @return the reading
   */
  public ArmImport reading() {
    return reading;
  }

  /**
   * Returns the estate.
   *
   * @return the estate
   */
  public Estate estate() {
    return reading.estate();
  }

  /**
   * Returns the Azure id each Terraform address was read as, known or derived (see the module
   * README's "Terraform" section for how an id known only after apply is derived).
   *
   * @return ids by address, sorted by address
   */
  public ImmutableSortedMap<String, ResourceId> addresses() {
    return addresses;
  }

  /**
   * Returns the managed resource types pgreach does not read, with how many instances of each.
   *
   * @return counts by Terraform type
   */
  public ImmutableSortedMap<String, Integer> skippedTypes() {
    return skippedTypes;
  }

  /**
   * Returns what was read but left out, derived or not known, one sentence each starting with the
   * Terraform address or JSON path it concerns; the ARM reader's notes follow the document's.
   *
   * @return the notes
   */
  public ImmutableList<String> notes() {
    return notes;
  }

  /**
   * Returns how many instances of the types pgreach reads were in the input (associations
   * included).
   *
   * @return the count
   */
  public int resourceCount() {
    return resourceCount;
  }

  @Override
  public String toString() {
    return "TerraformImport[" + resourceCount + " resources read, skipped " + skippedTypes + ", " + notes.size() + " notes]";
  }
}
