package dev.pgreach.privatelink.arm;

import com.google.common.collect.ImmutableList;
import dev.pgreach.core.PgreachException;
import dev.pgreach.core.ResourceId;
import java.util.List;
import java.util.Locale;

/**
 * ARM input after {@link ArmShapes} has recognised its shapes: the resources in canonical ARM form
 * with where they came from, how each document was read, the child lists it holds, notes, and the
 * problems that keep it from being read.
 *
 * <p>Problems are collected rather than thrown one at a time, so that a user sees every
 * independent mistake at once: each names the member at fault. {@link #exception()} makes one
 * {@link PgreachException} of them, which {@link #toResourceInput()} and {@link
 * #requireNoProblems()} throw; the reader may instead add its own problems and throw them
 * together.
 */
final class ShapedInput {
  /** The most problems one input reports; beyond it only their number is given. */
  static final int MAX_PROBLEMS = 100;

  private final ImmutableList<ShapedResource> resources;
  private final ImmutableList<DocumentShape> documents;
  private final ImmutableList<ChildList> childLists;
  private final ImmutableList<String> notes;
  private final ImmutableList<Problem> problems;
  private final int problemCount;
  private final Ids ids;

  ShapedInput(
      List<ShapedResource> resources,
      List<DocumentShape> documents,
      List<ChildList> childLists,
      List<String> notes,
      List<Problem> problems,
      int problemCount,
      Ids ids) {
    this.ids = ids;
    this.resources = ImmutableList.copyOf(resources);
    this.documents = ImmutableList.copyOf(documents);
    this.childLists = ImmutableList.copyOf(childLists);
    this.notes = ImmutableList.copyOf(notes);
    this.problems = ImmutableList.copyOf(problems);
    this.problemCount = problemCount;
  }

  /** The ids the shapes parsed, for the reader to share. */
  Ids ids() {
    return ids;
  }

  /** The resources in canonical form, in the order of their first listing. */
  ImmutableList<ShapedResource> resources() {
    return resources;
  }

  /** How each document was read, in input order. */
  ImmutableList<DocumentShape> documents() {
    return documents;
  }

  /** The lists that hold only children of one parent, in input order. */
  ImmutableList<ChildList> childLists() {
    return childLists;
  }

  /**
   * Returns the lists of one parent's children of one type.
   *
   * @param parent the parent
   * @param childType the children's type, in any case
   * @return the lists, in input order
   */
  ImmutableList<ChildList> childLists(ResourceId parent, String childType) {
    return childLists.stream().filter(c -> c.parent().equals(parent) && c.childType().equalsIgnoreCase(childType)).collect(ImmutableList.toImmutableList());
  }

  /**
   * Tells whether the input holds one parent's whole collection of one type: some list of it is
   * {@linkplain ChildList.Completeness#COMPLETE complete}. Pages given together are taken to be
   * all the pages when the last of them (the one without {@code nextLink}) is among them.
   *
   * @param parent the parent
   * @param childType the children's type
   * @return whether a complete list of them is in the input
   */
  boolean holdsWholeCollection(ResourceId parent, String childType) {
    return childLists(parent, childType).stream().anyMatch(c -> c.completeness() == ChildList.Completeness.COMPLETE);
  }

  /** Notes about what the documents showed or left out, each starting with a path. */
  ImmutableList<String> notes() {
    return notes;
  }

  /** The problems found, up to {@link #MAX_PROBLEMS}, in input order. */
  ImmutableList<Problem> problems() {
    return problems;
  }

  /** How many problems were found, including those past the cap. */
  int problemCount() {
    return problemCount;
  }

  /**
   * Returns one exception for every problem found: the first problem's code, and a message that
   * is the problems' messages, one a line (the first line is the first problem), followed by how
   * many there are when there is more than one.
   *
   * @return the exception
   * @throws IllegalStateException when there is no problem
   */
  PgreachException exception() {
    if (problems.isEmpty()) {
      throw new IllegalStateException("the input has no problem");
    }
    if (problemCount == 1) {
      return new PgreachException(problems.get(0).code(), problems.get(0).message());
    }
    StringBuilder s = new StringBuilder();
    for (Problem p : problems) {
      s.append(s.length() == 0 ? "" : "\n").append(s.length() == 0 ? "" : p.code() + ": ").append(p.message());
    }
    s.append(String.format(Locale.ROOT, "\n(%d problems%s)", problemCount, problemCount > problems.size() ? ", the first " + problems.size() + " shown" : ""));
    return new PgreachException(problems.get(0).code(), s.toString());
  }

  /**
   * Throws the problems, if any.
   *
   * @throws PgreachException as {@link #exception()} makes it
   */
  void requireNoProblems() {
    if (!problems.isEmpty()) {
      throw exception();
    }
  }

  /**
   * Returns the resources for the reader, each with the path of its first listing, and the notes.
   *
   * @return the input
   * @throws PgreachException as {@link #exception()} makes it, when there are problems
   */
  ResourceInput toResourceInput() {
    requireNoProblems();
    ResourceInput.Builder b = ResourceInput.builder();
    notes.forEach(b::note);
    for (ShapedResource r : resources) {
      java.util.Map<String, String> members = new java.util.LinkedHashMap<>();
      r.origins().forEach((k, v) -> {
        if (!k.isEmpty()) {
          members.put(k.startsWith(".") ? k.substring(1) : k, v); // absolute input paths
        }
      });
      b.add(r.resource(), r.path(), members);
    }
    for (ChildList c : childLists) {
      if (c.completeness() == ChildList.Completeness.COMPLETE) {
        b.completeCollection(c.parent(), c.childType(), c.path());
      }
    }
    return b.build();
  }

  /**
   * Rewrites the path an exception's message starts with, when it is a path inside a canonical
   * resource that the input wrote elsewhere: {@code $[0].properties.network.publicNetworkAccess}
   * of a flattened server becomes {@code $[0].network.publicNetworkAccess}.
   *
   * @param e an exception about the canonical resources
   * @return the exception with the input's path, or {@code e} when the path is the input's already
   */
  PgreachException translate(PgreachException e) {
    String message = String.valueOf(e.getMessage());
    ShapedResource at = null;
    for (ShapedResource r : resources) {
      String p = r.path();
      boolean boundary = message.startsWith(p) && (message.length() == p.length() || " .[".indexOf(message.charAt(p.length())) >= 0);
      if (boundary && (at == null || p.length() > at.path().length())) {
        at = r;
      }
    }
    if (at == null) {
      return e;
    }
    int end = suffixEnd(message, at.path().length());
    String suffix = message.substring(at.path().length(), end);
    String source = at.sourcePath(suffix);
    if (source.equals(at.path() + suffix)) {
      return e;
    }
    PgreachException x = new PgreachException(e.code(), source + message.substring(end));
    x.initCause(e);
    return x;
  }

  /** Where the path segments ({@code .name}, {@code [3]}, {@code ['odd name']}) starting at {@code from} end. */
  private static int suffixEnd(String s, int from) {
    int i = from;
    while (i < s.length()) {
      char c = s.charAt(i);
      if (c == '.') {
        int j = i + 1;
        while (j < s.length() && (Character.isLetterOrDigit(s.charAt(j)) || s.charAt(j) == '_' || s.charAt(j) == '$')) {
          j++;
        }
        if (j == i + 1) {
          return i;
        }
        i = j;
      } else if (c == '[' && i + 1 < s.length() && s.charAt(i + 1) == '\'') {
        int j = i + 2;
        while (j < s.length() && !(s.charAt(j) == '\'' && j + 1 < s.length() && s.charAt(j + 1) == ']')) {
          j += s.charAt(j) == '\\' ? 2 : 1;
        }
        if (j >= s.length()) {
          return i;
        }
        i = j + 2;
      } else if (c == '[') {
        int j = i + 1;
        while (j < s.length() && Character.isDigit(s.charAt(j))) {
          j++;
        }
        if (j == i + 1 || j >= s.length() || s.charAt(j) != ']') {
          return i;
        }
        i = j + 1;
      } else {
        return i;
      }
    }
    return i;
  }

  @Override
  public String toString() {
    return "ShapedInput[" + resources.size() + " resources, " + documents.size() + " documents, " + childLists.size() + " child lists, " + problemCount + " problems]";
  }
}
