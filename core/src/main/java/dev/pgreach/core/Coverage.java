package dev.pgreach.core;

import com.google.common.collect.ImmutableMap;
import com.google.common.collect.ImmutableSet;
import com.google.common.collect.ImmutableSetMultimap;
import org.immutables.value.Value;

/**
 * What the input an estate was read from shows, and what it does not: the open world pgreach
 * answers in.
 *
 * <p>Real exports are partial. A REST GET of a VNet-integrated server names a delegated subnet
 * that is not in the document; Resource Graph lists servers but none of their firewall rules; a
 * template deploys two firewall rules while others may exist already. What the input does not show
 * is unknown, never empty and never a default, and every answer that depends on it is
 * indeterminate, naming what is missing. Coverage records three things:
 *
 * <ul>
 *   <li>{@link #outsideInput()}: resources the input refers to but does not hold (known id,
 *       unknown content), each with a sentence saying where it was referred to. A reference to one
 *       of them is allowed wherever the model otherwise requires the resource to be present.
 *   <li>Complete inventories ({@link Inventory}): the collections the input holds in full, for one
 *       owner ({@link #completeInventories()}) or for every owner ({@link #completeKinds()}). Any
 *       other inventory is <em>not observed</em>: the members the input holds are there, others may
 *       be too.
 *   <li>{@link #isWhole()}: the caller declares the input whole, so every inventory of every owner
 *       in it is complete.
 * </ul>
 *
 * <p>An estate built in Java is whole by default ({@link #closed()}): what it holds is all there is,
 * which is what a caller who builds one means. An import is open unless its companion document
 * declares completeness.
 *
 * <pre>{@code
 * Coverage c = Coverage.builder()
 *     .putOutsideInput(subnetId, "the delegated subnet of orders-db")
 *     .putCompleteInventories(Inventory.FIREWALL_RULES, ordersDb.id())
 *     .build();
 * c.isComplete(Inventory.FIREWALL_RULES, ordersDb.id());   // true
 * c.isComplete(Inventory.CONFIGURATIONS, ordersDb.id());   // false: not observed
 * }</pre>
 */
@Value.Immutable
public abstract class Coverage {
  private static final Coverage CLOSED = builder().whole(true).build();

  Coverage() {}

  /**
   * Returns the coverage of an input that holds everything there is: every inventory complete,
   * nothing outside the input.
   *
   * @return the closed coverage
   */
  public static Coverage closed() {
    return CLOSED;
  }

  /**
   * Returns the coverage of an open input that shows nothing beyond the resources it holds.
   *
   * @return an open coverage with no complete inventory
   */
  public static Coverage open() {
    return builder().build();
  }

  /**
   * Tells whether the input is declared whole: every inventory of every resource in it is complete.
   *
   * @return whether the input is whole; false by default for a coverage built with {@link #builder()}
   */
  @Value.Default
  public boolean isWhole() {
    return false;
  }

  /**
   * Returns the resources the input refers to but does not hold, each with a sentence saying what
   * it is and where it was referred to ({@code the delegated subnet of orders-db,
   * $[3].properties.network.delegatedSubnetResourceId}). The sentences are for reasons only: two
   * coverages with the same resources outside the input are equal whatever they say of them.
   *
   * @return descriptions by id
   */
  @Value.Auxiliary
  public abstract ImmutableMap<ResourceId, String> outsideInput();

  /**
   * Returns the resources the input refers to but does not hold.
   *
   * @return their ids
   */
  @Value.Derived
  public ImmutableSet<ResourceId> outsideInputIds() {
    return outsideInput().keySet();
  }

  /**
   * Returns the resources outside the input whose real id is not known either (a server's delegated
   * subnet known only at deployment): each is named by a stand-in id, so it may be any resource of
   * its type — one of the input's own among them.
   *
   * @return the stand-in ids, each also in {@link #outsideInput()}
   */
  public abstract ImmutableSet<ResourceId> standIns();

  /**
   * Returns the inventories known complete for every owner in the input.
   *
   * @return the kinds
   */
  public abstract ImmutableSet<Inventory> completeKinds();

  /**
   * Returns the inventories known complete for one owner each.
   *
   * @return owner ids by inventory
   */
  public abstract ImmutableSetMultimap<Inventory, ResourceId> completeInventories();

  /**
   * Returns the inventories known <em>not</em> to be complete, whatever else says so: the input
   * holds a member whose content it does not show (a firewall rule whose range is known only at
   * deployment), so the inventory's full extent is not known even when the input is declared
   * whole.
   *
   * @return owner ids by inventory
   */
  public abstract ImmutableSetMultimap<Inventory, ResourceId> incompleteInventories();

  /**
   * Tells whether the input is declared whole, as {@link #isWhole()} or by declaring every kind of
   * {@link Inventory} complete for every owner: the two declarations say the same, and answers and
   * findings do not tell them apart.
   *
   * @return whether every inventory of every owner in the input is declared complete
   */
  public final boolean isDeclaredWhole() {
    return isWhole() || completeKinds().containsAll(java.util.EnumSet.allOf(Inventory.class));
  }

  /**
   * Tells whether a resource is outside the input: referred to, not held.
   *
   * @param id the resource's id
   * @return whether it is in {@link #outsideInput()}
   */
  public final boolean isOutsideInput(ResourceId id) {
    return outsideInput().containsKey(id);
  }

  /**
   * Tells whether an owner's inventory is complete. An inventory of a resource outside the input is
   * never complete.
   *
   * @param inventory the kind of collection
   * @param owner the owner's id
   * @return whether the input holds every member
   */
  public final boolean isComplete(Inventory inventory, ResourceId owner) {
    if (outsideInput().containsKey(owner) || incompleteInventories().containsEntry(inventory, owner)) {
      return false;
    }
    return isWhole() || completeKinds().contains(inventory) || completeInventories().containsEntry(inventory, owner);
  }

  /**
   * Tells whether anything at all may be missing: the input is not whole, refers to resources it
   * does not hold, or holds an inventory it does not show in full.
   *
   * @return whether the coverage is open
   */
  public final boolean isOpen() {
    return !isWhole() || !outsideInput().isEmpty() || !incompleteInventories().isEmpty();
  }

  /**
   * Returns a phrase naming a resource outside the input, for reasons.
   *
   * @param id the resource's id
   * @return its description, or its id
   */
  public final String describe(ResourceId id) {
    String d = outsideInput().get(id);
    return d == null ? id.toString() : id + " (" + d + ")";
  }

  /**
   * Returns this coverage declared whole, with the same resources outside the input.
   *
   * @return the whole coverage
   */
  public final Coverage declaredWhole() {
    return builder().whole(true).putAllOutsideInput(outsideInput()).addAllStandIns(standIns()).putAllIncompleteInventories(incompleteInventories()).build();
  }

  /**
   * Returns a builder of an open coverage.
   *
   * @return a new builder
   */
  public static Builder builder() {
    return new Builder();
  }

  /** Builds {@link Coverage}s. */
  public static final class Builder extends ImmutableCoverage.Builder {
    Builder() {}

    /**
     * Builds the value.
     *
     * @return the value
     * @throws PgreachException {@link ErrorCode#DUPLICATE_RESOURCE} naming the key when one key
     *     was put twice into a map (outsideInput), and the value's own checks
     */
    @Override
    public Coverage build() {
      try {
        return super.build();
      } catch (IllegalArgumentException e) {
        throw PgreachException.duplicateKey("Coverage.Builder", "outsideInput", e);
      }
    }
  }
}
