package dev.pgreach.privatelink.arm;

import java.util.Optional;

/**
 * One resource as one document lists it, in canonical form, before the documents are merged.
 *
 * @param shaped the canonical resource and what its listing showed
 * @param document the index of the document that lists it
 * @param sequence its place in the whole input, counting every listing of every document
 * @param key what it is merged by: its id in lower case, or empty for a resource of another type
 *     whose id is not a string
 * @param missingNote the note that the listing shows none of the resource's settings, kept when no
 *     other listing of the resource shows them
 */
record Listing(ShapedResource shaped, int document, int sequence, Optional<String> key, Optional<String> missingNote) {
  /** Checks the parts. */
  Listing {
    Checks.notNull(shaped, "Listing.shaped");
    Checks.notNull(key, "Listing.key");
    Checks.notNull(missingNote, "Listing.missingNote");
  }
}
