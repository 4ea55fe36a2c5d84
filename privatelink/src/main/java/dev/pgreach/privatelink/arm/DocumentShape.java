package dev.pgreach.privatelink.arm;

import java.util.Optional;

/**
 * How one document of the input was recognised.
 *
 * @param name the document's name, or empty when the input is one unnamed document
 * @param shape its shape
 * @param path the JSON path of its resources ({@code $}, {@code $.value}, {@code a.json $.data})
 * @param resourceCount how many resources it gave (a PowerShell parent's nested children
 *     included)
 * @param continuation the {@code nextLink} or Resource Graph skip token of a list that continues
 *     beyond the document, or Resource Graph's {@code resultTruncated}
 */
record DocumentShape(String name, ArmShape shape, String path, int resourceCount, Optional<String> continuation) {
  /** Checks the parts. */
  DocumentShape {
    Checks.notNull(name, "DocumentShape.name");
    Checks.notNull(shape, "DocumentShape.shape");
    Checks.notNull(path, "DocumentShape.path");
    Checks.notNull(continuation, "DocumentShape.continuation");
  }
}
