package dev.pgreach.privatelink.cli;

import java.util.Optional;

/**
 * Why a command stops before answering: a usage mistake, input that cannot be used, a file that
 * cannot be read. The message is printed as it is; the status is the process's exit status; the
 * code and path go into the JSON error object.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitStatus status;
  private final String code;
  private final String path;

  CommandFailure(ExitStatus status, String message) {
    this(status, status.name(), null, message);
  }

  /**
   * A failure with a stable code and where it is.
   *
   * @param status the exit status
   * @param code the stable code: an {@link dev.pgreach.core.ErrorCode} name, or the status's name
   * @param path the option ({@code --to}) or the file and JSON path the problem is at, or null
   * @param message the sentence
   */
  CommandFailure(ExitStatus status, String code, String path, String message) {
    super(message);
    this.status = status;
    this.code = code;
    this.path = path;
  }

  static CommandFailure usage(String message) {
    return new CommandFailure(ExitStatus.USAGE, message);
  }

  /** A usage mistake in one option. */
  static CommandFailure option(String option, String message) {
    return new CommandFailure(ExitStatus.USAGE, ExitStatus.USAGE.name(), option, message);
  }

  ExitStatus status() {
    return status;
  }

  String code() {
    return code;
  }

  Optional<String> path() {
    return Optional.ofNullable(path);
  }
}
