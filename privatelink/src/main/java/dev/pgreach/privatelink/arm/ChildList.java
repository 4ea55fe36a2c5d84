package dev.pgreach.privatelink.arm;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.ResourceId;
import java.util.Optional;

/**
 * A list in the input that holds only children of one parent, of one type: a REST list of one
 * collection ({@code FirewallRuleListByServer}, {@code VirtualNetworkLinkList}), the output of
 * the collection's {@code az … list} command, or the children a PowerShell export nests under a
 * parent. Whether the parent is in the input or not, such a list tells what the parent's
 * collection holds, and {@link #completeness()} tells whether it holds all of it.
 *
 * <p>A list of several types of children of one parent (a zone's record sets of every type) gives
 * one {@code ChildList} per type present; types with no member in the list are not reported, and
 * an empty list names no parent at all.
 *
 * @param parent the parent, as the children's ids name it
 * @param childType the children's type, in canonical spelling when pgreach describes it
 * @param completeness whether the list is the parent's whole collection of this type
 * @param path the JSON path of the list ({@code $.value}, {@code b.json $}, {@code $[0].resources})
 * @param continuation the {@code nextLink} of a list that is one page of more
 * @param children the children's ids, in document order
 */
record ChildList(
    ResourceId parent, String childType, Completeness completeness, String path, Optional<String> continuation, ImmutableList<ResourceId> children) {

  /** Whether a list is its parent's whole collection. */
  enum Completeness {
    /**
     * The whole collection: a REST list without {@code nextLink}, the last of several pages given
     * in order, or an {@code az … list} command's output (which follows every page).
     */
    COMPLETE,
    /** One page of more: the list has a {@code nextLink}; other children may exist. */
    PAGE,
    /**
     * Nothing says: a plain array of REST bodies (which anyone may have filtered), children
     * nested by a PowerShell export, Resource Graph rows.
     */
    UNKNOWN
  }

  /** Checks the parts and copies the list. */
  ChildList {
    Checks.notNull(parent, "ChildList.parent");
    Checks.notNull(childType, "ChildList.childType");
    Checks.notNull(completeness, "ChildList.completeness");
    Checks.notNull(path, "ChildList.path");
    Checks.notNull(continuation, "ChildList.continuation");
    children = ImmutableList.copyOf(children);
  }
}
