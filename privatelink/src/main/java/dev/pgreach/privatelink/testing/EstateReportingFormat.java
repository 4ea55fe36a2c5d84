package dev.pgreach.privatelink.testing;

import dev.pgreach.privatelink.Estate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import net.jqwik.api.SampleReportingFormat;

/**
 * How jqwik reports an {@link Estate} in a falsified sample (registered with jqwik by this
 * module): the lines of {@link EstateArbitraries#describe(Estate)} instead of the one-line {@code
 * toString}.
 */
public final class EstateReportingFormat implements SampleReportingFormat {
  /** Creates the format; jqwik does this through the service registration. */
  public EstateReportingFormat() {}

  @Override
  public boolean appliesTo(Object value) {
    return value instanceof Estate;
  }

  @Override
  public Object report(Object value) {
    List<String> lines = Arrays.asList(Describe.estate((Estate) value).split("\n"));
    return lines;
  }

  @Override
  public Optional<String> label(Object value) {
    return Optional.of("Estate");
  }
}
