package dev.pgreach.privatelink.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading input files through a bounded stream, as UTF-8. */
class InputsTest {
  @TempDir Path dir;

  @Test
  void readFile_withinTheLimit_isTheText() throws IOException {
    Path file = Files.writeString(dir.resolve("a.json"), "[\"caf\u00e9\"]");
    assertEquals("[\"caf\u00e9\"]", Inputs.readFile(file.toString(), 10));
  }

  @Test
  void readFile_oneBytePastTheLimit_noInput() throws IOException {
    Path file = Files.writeString(dir.resolve("a.json"), "x".repeat(11));
    CommandFailure f = assertThrows(CommandFailure.class, () -> Inputs.readFile(file.toString(), 10));
    assertEquals(ExitStatus.NO_INPUT, f.status());
    assertEquals("cannot read " + file + ": it is larger than the 10 bytes pgreach reads", f.getMessage());
    assertEquals("x".repeat(10), Inputs.readFile(Files.writeString(dir.resolve("b.json"), "x".repeat(10)).toString(), 10));
  }

  @Test
  void readFile_largerThanOneChunk_isReadWhole() throws IOException {
    String text = "0123456789abcdef".repeat(200_000);
    Path file = Files.writeString(dir.resolve("big.json"), text);
    assertEquals(text, Inputs.readFile(file.toString(), Inputs.MAX_FILE_SIZE));
  }

  @Test
  void readFile_deviceWhoseSizeIsReportedAsZero_stopsAtTheLimit() throws IOException {
    Path zero = Path.of("/dev/zero");
    assumeTrue(Files.isReadable(zero), "a system with /dev/zero");
    assertEquals(0, Files.size(zero));
    CommandFailure f = assertThrows(CommandFailure.class, () -> Inputs.readFile(zero.toString(), 3_000_000));
    assertEquals(ExitStatus.NO_INPUT, f.status());
    assertEquals("cannot read /dev/zero: it is larger than the 3000000 bytes pgreach reads", f.getMessage());
  }

  @Test
  void readFile_characterCutShortAtTheEnd_dataErrorNamingWhere() throws IOException {
    Path file = Files.write(dir.resolve("cut.json"), new byte[] {'[', (byte) 0xE2, (byte) 0x82});
    CommandFailure f = assertThrows(CommandFailure.class, () -> Inputs.readFile(file.toString(), 10));
    assertEquals(ExitStatus.DATA_ERROR, f.status());
    assertEquals("cannot use " + file + ": it is not UTF-8 text (byte 0xE2 at offset 1); save it as UTF-8", f.getMessage());
  }

  @Test
  void readFile_missingFileAndDirectory_noInput() {
    assertEquals(ExitStatus.NO_INPUT, assertThrows(CommandFailure.class, () -> Inputs.readFile(dir.resolve("none").toString(), 10)).status());
    assertEquals(ExitStatus.NO_INPUT, assertThrows(CommandFailure.class, () -> Inputs.readFile(dir.toString(), 10)).status());
  }
}
