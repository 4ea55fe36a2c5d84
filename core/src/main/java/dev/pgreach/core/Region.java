package dev.pgreach.core;

import java.util.Locale;
import java.util.Optional;

/**
 * An Azure region, by its programmatic name ({@code westeurope}, {@code eastus2}).
 *
 * <p>{@link #parse} accepts the display form too: {@code "West Europe"} becomes {@code westeurope}
 * (lower case, blanks removed), the way ARM normalises {@code location}.
 */
public final class Region implements Comparable<Region> {
  private final String name;

  private Region(String name) {
    this.name = name;
  }

  /**
   * Parses a region name or display name.
   *
   * @param text such as {@code westeurope} or {@code West Europe}
   * @return the region
   * @throws PgreachException {@link ErrorCode#INVALID_REGION} for empty text or characters other
   *     than letters, digits and blanks
   */
  public static Region parse(String text) {
    if (text == null) {
      throw PgreachException.of(ErrorCode.MISSING_ATTRIBUTE, "Region text must not be null");
    }
    String name = text.replace(" ", "").toLowerCase(Locale.ROOT);
    if (name.isEmpty() || !name.chars().allMatch(c -> (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9'))) {
      throw PgreachException.of(
          ErrorCode.INVALID_REGION,
          "Region (\"%s\") must be letters and digits, such as westeurope",
          text);
    }
    return new Region(name);
  }

  /**
   * Parses a region name, or returns empty for text {@link #parse} rejects.
   *
   * @param text the candidate text; {@code null} gives empty
   * @return the region, or empty
   */
  public static Optional<Region> tryParse(String text) {
    try {
      return text == null ? Optional.empty() : Optional.of(parse(text));
    } catch (PgreachException e) {
      return Optional.empty();
    }
  }

  /**
   * Tells whether {@link #parse} accepts the text.
   *
   * @param text the candidate text; {@code null} gives {@code false}
   * @return whether it parses
   */
  public static boolean isValid(String text) {
    return tryParse(text).isPresent();
  }

  /**
   * Returns the programmatic name, such as {@code westeurope}.
   *
   * @return the name
   */
  public String name() {
    return name;
  }

  @Override
  public int compareTo(Region other) {
    return name.compareTo(other.name);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Region && ((Region) other).name.equals(name);
  }

  @Override
  public int hashCode() {
    return name.hashCode();
  }

  /** Returns the programmatic name. */
  @Override
  public String toString() {
    return name;
  }
}
