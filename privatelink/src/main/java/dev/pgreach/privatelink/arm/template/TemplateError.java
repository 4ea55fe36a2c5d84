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

    Located(dev.pgreach.core.PgreachException exception) {
      super(exception.getMessage());
      this.exception = exception;
    }

    dev.pgreach.core.PgreachException exception() {
      return exception;
    }
  }
}
