package dev.pgreach.privatelink;

import dev.pgreach.core.Finding;
import dev.pgreach.core.ServiceProfile;
import java.io.PrintStream;

/**
 * The main job: answers the {@link SampleEstate#questions() sample questions} about the {@link
 * SampleEstate bundled sample estate} and prints each answer with its explanation, then the
 * estate's validation findings — what a person debugging "why can't my app reach the database?"
 * wants to read.
 */
public final class SampleReport {
  private SampleReport() {}

  /**
   * Prints the report under the profile named by the first argument ({@code current} by default).
   *
   * @param args optionally, the service profile's name
   */
  public static void main(String[] args) {
    ServiceProfile profile = ServiceProfile.named(args.length > 0 ? args[0] : "current");
    print(System.out, profile);
  }

  /**
   * Writes the report.
   *
   * @param out where to write
   * @param profile the service profile
   */
  public static void print(PrintStream out, ServiceProfile profile) {
    Estate estate = SampleEstate.estate();
    Connectivity connectivity = Connectivity.of(estate, profile);
    out.println("pgreach: the sample estate under the " + profile.name() + " profile, at " + SampleEstate.INSTANT);
    out.println();
    int n = 1;
    for (SampleEstate.Question q : SampleEstate.questions()) {
      Connection c = connectivity.connect(estate.client(q.client()), q.target(), q.port(), SampleEstate.INSTANT);
      out.println("(" + n++ + ") " + c.explanation());
      out.println();
    }
    out.println("Exposure of each server on port 5432:");
    for (dev.pgreach.core.FlexibleServer s : estate.network().flexibleServers()) {
      out.print(connectivity.expose(s.id(), 5432, SampleEstate.INSTANT).explanation().indent(2));
    }
    out.println();
    out.println("Validation findings:");
    for (Finding f : EstateValidation.validate(estate, profile)) {
      out.println("  " + f);
    }
  }
}
