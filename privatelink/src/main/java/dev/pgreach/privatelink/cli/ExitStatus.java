package dev.pgreach.privatelink.cli;

/**
 * The exit status of the command line, one constant per outcome. The numbers are stable; those
 * from 64 on follow the BSD {@code sysexits} convention.
 */
public enum ExitStatus {
  /** Connected; resolved to an address or a server's public endpoint; no finding of severity ERROR or WARNING; help or the sample report printed. */
  OK(0),
  /** Blocked; NXDOMAIN or a resolution failure; findings of severity ERROR or WARNING. */
  NEGATIVE(1),
  /** The answer depends on something the model cannot know (a firewall change still propagating, public DNS outside the model). */
  INDETERMINATE(2),
  /** The command line is wrong: an unknown command or option, a missing or malformed value, a client or place that is not in the estate. */
  USAGE(64),
  /** The input cannot be used: a file that is not UTF-8, JSON that does not parse, a missing or mistyped member, a reference to a missing resource, a value the model rejects. */
  DATA_ERROR(65),
  /** An input file does not exist, is a directory, cannot be read or holds more than 256 MiB (a device or pipe included). */
  NO_INPUT(66),
  /** A defect in pgreach, or the virtual machine ran out of stack or memory; please report it with the input that caused it. */
  INTERNAL_ERROR(70);

  private final int code;

  ExitStatus(int code) {
    this.code = code;
  }

  /**
   * Returns the number the process exits with.
   *
   * @return the exit code
   */
  public int code() {
    return code;
  }
}
