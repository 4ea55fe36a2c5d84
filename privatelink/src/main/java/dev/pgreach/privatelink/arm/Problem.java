package dev.pgreach.privatelink.arm;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;

/**
 * One reason the ARM input cannot be read, as {@link ArmShapes} collects them: the code a {@link
 * PgreachException} for it carries, and its message, which starts with the path of the member at
 * fault and shows its value.
 *
 * @param code the stable reason
 * @param message the sentence, starting with the path
 */
record Problem(ErrorCode code, String message) {
  /**
   * Returns the problem an exception describes.
   *
   * @param e the exception
   * @return its code and message
   */
  static Problem of(PgreachException e) {
    return new Problem(e.code(), e.getMessage());
  }
}
