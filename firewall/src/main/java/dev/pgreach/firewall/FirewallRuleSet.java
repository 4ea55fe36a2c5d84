package dev.pgreach.firewall;

import com.google.common.collect.ImmutableList;
import com.google.common.collect.ImmutableSortedMap;
import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The firewall rules of one server, with the recent removals that may still be in effect.
 *
 * <p>Rule names are unique per server, ignoring case (Azure resource names are case-insensitive).
 * Writing a rule under an existing name replaces the old rule, as Azure's create-or-update does,
 * so building a set from a list of rules, or {@linkplain #applyAll applying} a sequence of
 * changes, is last-writer-wins per name. Identical or overlapping ranges under different names
 * are allowed.
 *
 * <p>When a replacement carries a {@link FirewallRule#changedAt() change instant} and a different
 * range, the old range is recorded as a {@link FirewallRuleRemoval} at that instant, because the
 * server may honour it for a few more minutes; so is a deletion with a known instant.
 *
 * <pre>{@code
 * FirewallRuleSet rules = FirewallRuleSet.of(
 *     FirewallRule.of("office", "203.0.113.0", "203.0.113.255"),
 *     FirewallRule.of("office", "198.51.100.7", "198.51.100.7"));   // replaces the first
 * rules.rules().size();   // 1
 * }</pre>
 *
 * <p>Instances are immutable; every change returns a new set.
 */
public final class FirewallRuleSet {
  private static final Comparator<FirewallRuleRemoval> REMOVAL_ORDER =
      Comparator.comparing(FirewallRuleRemoval::removedAt)
          .thenComparing(r -> Names.key(r.name()))
          .thenComparing(FirewallRuleRemoval::name)
          .thenComparing(FirewallRuleRemoval::range);

  private static final FirewallRuleSet EMPTY =
      new FirewallRuleSet(ImmutableSortedMap.of(), ImmutableList.of());

  private final ImmutableSortedMap<String, FirewallRule> rules;
  private final ImmutableList<FirewallRuleRemoval> removals;

  private FirewallRuleSet(
      ImmutableSortedMap<String, FirewallRule> rules, ImmutableList<FirewallRuleRemoval> removals) {
    this.rules = rules;
    this.removals = removals;
  }

  /**
   * Returns the set without rules, which admits nothing.
   *
   * @return the empty set
   */
  public static FirewallRuleSet empty() {
    return EMPTY;
  }

  /**
   * Returns the set of the given rules, written in order: a later rule replaces an earlier one
   * with the same name.
   *
   * @param rules the rules
   * @return the set
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null array or rule
   */
  public static FirewallRuleSet of(FirewallRule... rules) {
    return of(Arrays.asList(Names.notNull(rules, "FirewallRuleSet.rules")), List.of());
  }

  /**
   * Returns the set of the given rules, written in order: a later rule replaces an earlier one
   * with the same name.
   *
   * @param rules the rules
   * @return the set
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null list or rule
   */
  public static FirewallRuleSet of(Iterable<FirewallRule> rules) {
    return of(rules, List.of());
  }

  /**
   * Returns the set of the given rules, written in order, with removals the caller knows of (for
   * example from the activity log).
   *
   * @param rules the rules, written in order
   * @param removals rules deleted or replaced recently
   * @return the set
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null list, rule or removal
   */
  public static FirewallRuleSet of(Iterable<FirewallRule> rules, Iterable<FirewallRuleRemoval> removals) {
    Names.notNull(rules, "FirewallRuleSet.rules");
    Names.notNull(removals, "FirewallRuleSet.removals");
    TreeMap<String, FirewallRule> byKey = new TreeMap<>();
    List<FirewallRuleRemoval> removed = new ArrayList<>();
    for (FirewallRuleRemoval r : removals) {
      removed.add(Names.notNull(r, "FirewallRuleSet.removals[]"));
    }
    for (FirewallRule rule : rules) {
      put(byKey, removed, Names.notNull(rule, "FirewallRuleSet.rules[]"));
    }
    return create(byKey, removed);
  }

  private static FirewallRuleSet create(TreeMap<String, FirewallRule> byKey, List<FirewallRuleRemoval> removed) {
    if (byKey.isEmpty() && removed.isEmpty()) {
      return EMPTY;
    }
    return new FirewallRuleSet(ImmutableSortedMap.copyOfSorted(byKey), ImmutableList.sortedCopyOf(REMOVAL_ORDER, removed));
  }

  private static void put(TreeMap<String, FirewallRule> byKey, List<FirewallRuleRemoval> removed, FirewallRule rule) {
    FirewallRule old = byKey.put(Names.key(rule.name()), rule);
    if (old != null && !old.range().equals(rule.range()) && rule.changedAt().isPresent()) {
      removed.add(new FirewallRuleRemoval(old.name(), old.range(), rule.changedAt().get()));
    }
  }

  /**
   * Returns the rules in name order (ignoring case).
   *
   * @return the rules
   */
  public ImmutableList<FirewallRule> rules() {
    return rules.values().asList();
  }

  /**
   * Returns the recorded removals, oldest first.
   *
   * @return the removals
   */
  public ImmutableList<FirewallRuleRemoval> removals() {
    return removals;
  }

  /**
   * Returns the rule with this name, ignoring case.
   *
   * @param name the name
   * @return the rule, or empty
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null name
   */
  public Optional<FirewallRule> rule(String name) {
    return Optional.ofNullable(rules.get(Names.key(Names.notNull(name, "FirewallRuleSet.rule.name"))));
  }

  /**
   * Tells whether the set has no rules (recorded removals aside).
   *
   * @return whether there are no rules
   */
  public boolean isEmpty() {
    return rules.isEmpty();
  }

  /**
   * Returns the number of rules.
   *
   * @return the rule count
   */
  public int size() {
    return rules.size();
  }

  /**
   * Returns the set with a rule created, or replacing the rule with the same name.
   *
   * @param rule the rule
   * @return the new set
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null rule
   */
  public FirewallRuleSet upsert(FirewallRule rule) {
    return apply(new FirewallRuleChange.Upsert(Names.notNull(rule, "FirewallRuleSet.upsert.rule")));
  }

  /**
   * Returns the set without the rule of this name, recording nothing about when: use this for a
   * deletion known to have taken effect.
   *
   * @param name the rule's name, ignoring case
   * @return the new set (this set when no rule has the name)
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null name
   */
  public FirewallRuleSet delete(String name) {
    return apply(new FirewallRuleChange.Delete(Names.notNull(name, "FirewallRuleSet.delete.name"), Optional.empty()));
  }

  /**
   * Returns the set without the rule of this name, recording the removal at an instant.
   *
   * @param name the rule's name, ignoring case
   * @param at when it was deleted
   * @return the new set (this set when no rule has the name)
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null argument
   */
  public FirewallRuleSet delete(String name, Instant at) {
    Names.notNull(name, "FirewallRuleSet.delete.name");
    return apply(new FirewallRuleChange.Delete(name, Optional.of(Names.notNull(at, "FirewallRuleSet.delete.at"))));
  }

  /**
   * Returns the set after one change.
   *
   * @param change the change
   * @return the new set
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null change
   */
  public FirewallRuleSet apply(FirewallRuleChange change) {
    return applyAll(List.of(Names.notNull(change, "FirewallRuleSet.apply.change")));
  }

  /**
   * Returns the set after a sequence of changes, applied in order.
   *
   * @param changes the changes
   * @return the new set
   * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null change
   */
  public FirewallRuleSet applyAll(Iterable<? extends FirewallRuleChange> changes) {
    Names.notNull(changes, "FirewallRuleSet.applyAll.changes");
    TreeMap<String, FirewallRule> byKey = new TreeMap<>(rules);
    List<FirewallRuleRemoval> removed = new ArrayList<>(removals);
    boolean changed = false;
    for (FirewallRuleChange c : changes) {
      Names.notNull(c, "FirewallRuleSet.applyAll.changes[]");
      if (c instanceof FirewallRuleChange.Upsert) {
        put(byKey, removed, ((FirewallRuleChange.Upsert) c).rule());
        changed = true;
      } else {
        FirewallRuleChange.Delete d = (FirewallRuleChange.Delete) c;
        FirewallRule old = byKey.remove(Names.key(d.name()));
        if (old != null) {
          changed = true;
          d.at().ifPresent(at -> removed.add(new FirewallRuleRemoval(old.name(), old.range(), at)));
        }
      }
    }
    return changed ? create(byKey, removed) : this;
  }

  /** Two sets are equal when they hold equal rules under equal names and equal removals. */
  @Override
  public boolean equals(Object other) {
    return other instanceof FirewallRuleSet
        && ((FirewallRuleSet) other).rules.equals(rules)
        && ((FirewallRuleSet) other).removals.equals(removals);
  }

  @Override
  public int hashCode() {
    return rules.hashCode() * 31 + removals.hashCode();
  }

  /** Returns the rules and removals, one per line. */
  @Override
  public String toString() {
    StringBuilder s = new StringBuilder("FirewallRuleSet[");
    rules.values().forEach(r -> s.append("\n  ").append(r));
    removals.forEach(r -> s.append("\n  removed ").append(r));
    return s.append(rules.isEmpty() && removals.isEmpty() ? "]" : "\n]").toString();
  }
}
