package dev.pgreach.privatelink.arm.template;

/**
 * A problem found while evaluating, before it is given the JSON path of the member at fault: the
 * evaluator catches it where the path is known and turns it into the library's exception.
 */
class TemplateError extends RuntimeException {
  private static final long serialVersionUID = 1L;

  /**
   * Creates a problem.
   *
   * @param message what is wrong, without the path
   */
  TemplateError(String message) {
    super(message, null, false, false);
  }

  /**
   * Whether the problem is the deployment's as a whole rather than one resource's (a required
   * parameter given no value): it fails the read instead of refusing the resource it shows in.
   */
  boolean fatal() {
    return false;
  }

  /** A required parameter given no value: Azure refuses the whole deployment. */
  static final class NoValue extends TemplateError {
    private static final long serialVersionUID = 1L;

    NoValue(String message) {
      super(message);
    }

    @Override
    boolean fatal() {
      return true;
    }
  }

  /** Text that is not an expression. */
  static final class Syntax extends TemplateError {
    private static final long serialVersionUID = 1L;

    Syntax(String message) {
      super("is not a template expression pgreach can evaluate: " + message);
    }
  }

  /** A problem already located: it carries its own path and is passed on unchanged. */
  static final class Located extends TemplateError {
    private static final long serialVersionUID = 1L;
    private final transient dev.pgreach.core.PgreachException exception;
    private final boolean fatal;

    Located(dev.pgreach.core.PgreachException exception) {
      this(exception, false);
    }

    Located(dev.pgreach.core.PgreachException exception, boolean fatal) {
      super(exception.getMessage());
      this.exception = exception;
      this.fatal = fatal;
    }

    @Override
    boolean fatal() {
      return fatal;
    }

    dev.pgreach.core.PgreachException exception() {
      return exception;
    }
  }
}
