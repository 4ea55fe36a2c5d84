package dev.pgreach.firewall;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import java.time.Instant;
import java.util.Optional;

/**
 * One change to a server's firewall rules, as Azure's API offers them: create-or-update a rule
 * by name, or delete a rule by name. {@link FirewallRuleSet#apply} applies a change; applying a
 * sequence of changes is a pure function of the set and the sequence.
 */
public sealed interface FirewallRuleChange {
  /**
   * Creates a rule, or replaces the rule with the same name (ignoring case): Azure does not
   * report an error for an existing name, it updates the rule.
   *
   * @param rule the new rule
   */
  record Upsert(FirewallRule rule) implements FirewallRuleChange {
    /** {@return the new rule} */
    public FirewallRule rule() {
      return rule;
    }

    /**
     * Checks the component.
     *
     * @param rule the new rule
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null rule
     */
    public Upsert {
      Names.notNull(rule, "FirewallRuleChange.Upsert.rule");
    }
  }

  /**
   * Deletes the rule with this name (ignoring case); deleting a name that does not exist changes
   * nothing.
   *
   * @param name the rule's name
   * @param at when it was deleted, if known; a known instant is recorded as a {@link
   *     FirewallRuleRemoval}
   */
  record Delete(String name, Optional<Instant> at) implements FirewallRuleChange {
    /** {@return the rule's name} */
    public String name() {
      return name;
    }

    /** {@return when it was deleted, if known; a known instant is recorded as a {@link FirewallRuleRemoval}} */
    public Optional<Instant> at() {
      return at;
    }

    /**
     * Checks the components.
     *
     * @param name the rule's name
     * @param at when it was deleted, if known; a known instant is recorded as a {@link FirewallRuleRemoval}
     * @throws PgreachException {@link ErrorCode#MISSING_ATTRIBUTE} for a null component
     */
    public Delete {
      Names.notNull(name, "FirewallRuleChange.Delete.name");
      Names.notNull(at, "FirewallRuleChange.Delete.at");
    }
  }
}
