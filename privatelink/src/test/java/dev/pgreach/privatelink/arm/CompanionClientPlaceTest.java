package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import org.junit.jupiter.api.Test;

/** The companion's clients must sit inside their places; the error names the companion path. */
class CompanionClientPlaceTest {
  @Test
  void read_companionClientOutsideItsSubnet_isAnInputErrorAtItsAddressPath() {
    String companion = ArmImportErrorsTest.COMPANION.replace("\"address\": \"10.0.0.4\"", "\"address\": \"10.0.1.9\"");
    PgreachException e = assertThrows(PgreachException.class, () -> ArmImport.read(ArmImportErrorsTest.BASE, Companion.parse(companion)));
    assertEquals(ErrorCode.INVALID_VALUE, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("companion $.clients[0].location.address (\"10.0.1.9\"): is outside subnet app (10.0.0.0/24)"), e.getMessage());
  }
}
