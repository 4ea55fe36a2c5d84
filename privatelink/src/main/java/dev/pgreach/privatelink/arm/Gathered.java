package dev.pgreach.privatelink.arm;

import dev.pgreach.core.PgreachException;
import java.util.ArrayList;
import java.util.List;

/** What reading the documents of one input gathers, in order, before they are merged. */
final class Gathered {
  final List<Listing> listings = new ArrayList<>();
  final List<ChildList> childLists = new ArrayList<>();
  final List<DocumentShape> documents = new ArrayList<>();
  final List<String> notes = new ArrayList<>();
  final List<Problem> problems = new ArrayList<>();
  /** The ids parsed so far, each text once, shared with the merge and the reader. */
  final Ids ids = new Ids();
  private int problemCount;
  private int sequence;

  /** Records a problem; past {@link ShapedInput#MAX_PROBLEMS} only the count grows. */
  void problem(PgreachException e) {
    problemCount++;
    if (problems.size() < ShapedInput.MAX_PROBLEMS) {
      problems.add(Problem.of(e));
    }
  }

  /** How many problems were found, including those past the cap. */
  int problemCount() {
    return problemCount;
  }

  /** The next listing's place in the whole input. */
  int nextSequence() {
    return sequence++;
  }
}
