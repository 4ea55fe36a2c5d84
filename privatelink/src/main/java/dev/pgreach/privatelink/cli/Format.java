package dev.pgreach.privatelink.cli;

/** The formats a command writes its answer in; each command accepts some of them. */
enum Format {
  /** Text a person reads: the answer first, then the numbered steps or findings. */
  TEXT("text"),
  /** One JSON object (for {@code ask}: one JSON object a line), with a {@code schemaVersion}. */
  JSON("json"),
  /** SARIF 2.1.0, for code-scanning tools ({@code validate} and {@code compare}). */
  SARIF("sarif"),
  /** JUnit XML, for CI test reports. */
  JUNIT("junit");

  private final String word;

  Format(String word) {
    this.word = word;
  }

  /** The word {@code --format} takes. */
  String word() {
    return word;
  }
}
