package dev.pgreach.privatelink.arm;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Test documents on the class path. */
final class Resources {
  private Resources() {}

  /** A document beside this package's tests. */
  static String text(String name) {
    return read("/dev/pgreach/privatelink/arm/" + name);
  }

  /** The bundled sample's ARM resources. */
  static String sampleResources() {
    return read("/dev/pgreach/privatelink/sample/resources.json");
  }

  /** The bundled sample's companion document. */
  static String sampleCompanion() {
    return read("/dev/pgreach/privatelink/sample/companion.json");
  }

  private static String read(String path) {
    try (InputStream in = Resources.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new IllegalStateException(path + " is not on the class path");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
