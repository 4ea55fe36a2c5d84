package dev.pgreach.privatelink;

import dev.pgreach.core.Finding;
import dev.pgreach.core.ServiceProfile;
import java.io.PrintStream;

/**
 * The main job's report: answers the {@link SampleEstate#questions() sample questions} about the
 * {@link SampleEstate bundled sample estate} and prints each answer with its explanation, each
 * server's exposure, then the estate's validation findings — what a person debugging "why can't my
 * app reach the database?" wants to read. The command line's {@code sample} subcommand prints it.
 */
public final class SampleReport {
  private SampleReport() {}

  /**
   * Writes the report.
   *
   * @param out where to write
   * @param profile the service profile
   */
  public static void print(PrintStream out, ServiceProfile profile) {
    print(out, SampleEstate.estate(), profile, SampleEstate.INSTANT);
  }

  /**
   * Writes the report about an estate that holds the sample's clients and servers, such as the
   * sample read from its bundled ARM JSON by the command line.
   *
   * @param out where to write
   * @param estate the estate
   * @param profile the service profile
   * @param at the instant of the questions
   * @throws dev.pgreach.core.PgreachException {@link dev.pgreach.core.ErrorCode#UNKNOWN_RESOURCE}
   *     when the estate lacks a client the sample questions name
   */
  public static void print(PrintStream out, Estate estate, ServiceProfile profile, java.time.Instant at) {
    Connectivity connectivity = Connectivity.of(estate, profile);
    out.println("pgreach: the sample estate under the " + profile.name() + " profile, at " + at);
    out.println();
    int n = 1;
    for (SampleEstate.Question q : SampleEstate.questions()) {
      Connection c = connectivity.connect(estate.client(q.client()), q.target(), q.port(), at);
      out.println("(" + n++ + ") " + c.explanation());
      out.println();
    }
    out.println("Exposure of each server on port 5432:");
    for (dev.pgreach.core.FlexibleServer s : estate.network().flexibleServers()) {
      out.print(connectivity.expose(s.id(), 5432, at).explanation().indent(2));
    }
    out.println();
    out.println("Validation findings:");
    for (Finding f : EstateValidation.validate(estate, profile)) {
      out.println("  " + f);
    }
  }
}
