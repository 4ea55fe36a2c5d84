package dev.pgreach.privatelink.cli;

/**
 * Why a command stops before answering: a usage mistake, input that cannot be used, a file that
 * cannot be read. The message is printed as it is; the status is the process's exit status.
 */
final class CommandFailure extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final ExitStatus status;

  CommandFailure(ExitStatus status, String message) {
    super(message);
    this.status = status;
  }

  static CommandFailure usage(String message) {
    return new CommandFailure(ExitStatus.USAGE, message);
  }

  ExitStatus status() {
    return status;
  }
}
