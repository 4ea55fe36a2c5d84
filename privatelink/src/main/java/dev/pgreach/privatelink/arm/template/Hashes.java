package dev.pgreach.privatelink.arm.template;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * The two deterministic hashes of the template language, exactly as Azure computes them.
 *
 * <p>{@code uniqueString(a, b, …)} joins its arguments with {@code -}, hashes the UTF-8 bytes with
 * the 64-bit MurmurHash variant Azure Resource Manager uses (two 32-bit lanes over 8-byte blocks,
 * with its own mixing constants) and writes the top 65 bits of the hash as 13 characters of the
 * lower-case RFC 4648 base32 alphabet.
 *
 * <p>{@code guid(a, b, …)} joins its arguments with {@code -} and makes a name-based (version 5,
 * SHA-1) UUID of the UTF-8 bytes in the namespace {@code 11fb06fb-712d-4ddd-98c7-e71bbd588830}.
 */
final class Hashes {
  private Hashes() {}

  private static final String BASE32 = "abcdefghijklmnopqrstuvwxyz234567";
  private static final int C1 = 0xab0e9789;
  private static final int C2 = 0x239b961b;
  private static final int F1 = 0x85ebca6b;
  private static final int F2 = 0xc2b2ae35;
  private static final long NAMESPACE_HIGH = 0x11fb06fb712d4dddL;
  private static final long NAMESPACE_LOW = 0x98c7e71bbd588830L;

  /**
   * Returns {@code uniqueString} of the given parts.
   *
   * @param parts the arguments, at least one
   * @return 13 characters
   */
  static String uniqueString(String... parts) {
    long h = murmur64(String.join("-", parts).getBytes(StandardCharsets.UTF_8));
    StringBuilder out = new StringBuilder(13);
    for (int i = 0; i < 13; i++) {
      out.append(BASE32.charAt((int) ((h >>> 59) & 31)));
      h <<= 5;
    }
    return out.toString();
  }

  /** The 64-bit hash: two lanes of 32 bits, 8 bytes a round, little-endian words. */
  static long murmur64(byte[] data) {
    int h1 = 0;
    int h2 = 0;
    int i = 0;
    int n = data.length;
    for (; i + 8 <= n; i += 8) {
      int k1 = word(data, i, 4);
      int k2 = word(data, i + 4, 4);
      h1 ^= Integer.rotateLeft(k1 * C2, 15) * C1;
      h1 = Integer.rotateLeft(h1, 19) + h2;
      h1 = h1 * 5 + 0x561ccd1b;
      h2 ^= Integer.rotateLeft(k2 * C1, 17) * C2;
      h2 = Integer.rotateLeft(h2, 13) + h1;
      h2 = h2 * 5 + 0x0bcaa747;
    }
    int rest = n - i;
    if (rest > 0) {
      int k1 = word(data, i, Math.min(rest, 4));
      h1 ^= Integer.rotateLeft(k1 * C2, 15) * C1;
      if (rest > 4) {
        int k2 = word(data, i + 4, rest - 4);
        h2 ^= Integer.rotateLeft(k2 * C1, 17) * C2;
      }
    }
    h2 ^= n;
    h1 = (h1 ^ n) + h2;
    h2 += h1;
    h1 = mix(h1);
    h2 = mix(h2);
    h1 += h2;
    h2 += h1;
    return ((long) h2 << 32) | (h1 & 0xffffffffL);
  }

  private static int word(byte[] data, int at, int count) {
    int w = 0;
    for (int k = 0; k < count; k++) {
      w |= (data[at + k] & 0xff) << (8 * k);
    }
    return w;
  }

  private static int mix(int h) {
    h = (h ^ (h >>> 16)) * F1;
    h = (h ^ (h >>> 13)) * F2;
    return h ^ (h >>> 16);
  }

  /**
   * Returns {@code guid} of the given parts.
   *
   * @param parts the arguments, at least one
   * @return the UUID in its 36-character form
   */
  static String guid(String... parts) {
    MessageDigest sha1;
    try {
      sha1 = MessageDigest.getInstance("SHA-1");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java platform has SHA-1", e);
    }
    byte[] ns = new byte[16];
    for (int k = 0; k < 8; k++) {
      ns[k] = (byte) (NAMESPACE_HIGH >>> (56 - 8 * k));
      ns[8 + k] = (byte) (NAMESPACE_LOW >>> (56 - 8 * k));
    }
    sha1.update(ns);
    byte[] hash = sha1.digest(String.join("-", parts).getBytes(StandardCharsets.UTF_8));
    hash[6] = (byte) ((hash[6] & 0x0f) | 0x50);
    hash[8] = (byte) ((hash[8] & 0x3f) | 0x80);
    StringBuilder hex = new StringBuilder(36);
    for (int k = 0; k < 16; k++) {
      if (k == 4 || k == 6 || k == 8 || k == 10) {
        hex.append('-');
      }
      hex.append(Character.forDigit((hash[k] >> 4) & 0xf, 16)).append(Character.forDigit(hash[k] & 0xf, 16));
    }
    return hex.toString();
  }
}
