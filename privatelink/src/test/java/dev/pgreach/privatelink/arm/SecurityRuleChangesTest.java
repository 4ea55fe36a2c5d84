package dev.pgreach.privatelink.arm;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.pgreach.core.ErrorCode;
import dev.pgreach.core.PgreachException;
import dev.pgreach.firewall.SecurityRule;
import dev.pgreach.privatelink.Estate;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The companion gives security rules' {@code changedAt} as it does for firewall rules. */
class SecurityRuleChangesTest {
  private static final Instant CHANGED = Instant.parse("2026-11-24T11:30:00Z");

  private static String companion(String groups) {
    return ArmImportErrorsTest.COMPANION.replace("\"clients\"", "\"networkSecurityGroups\": " + groups + ", \"clients\"");
  }

  private static SecurityRule rule(Estate e) {
    return e.networkSecurityGroups().get(0).securityRules().get(0);
  }

  @Test
  void read_companionGivesASecurityRulesChangedAt_theRuleCarriesIt() {
    Estate e = ArmImport.read(ArmImportErrorsTest.BASE, Companion.parse(companion("[{\"name\": \"g\", \"securityRules\": {\"R\": {\"changedAt\": \"" + CHANGED + "\"}}}]"))).estate();
    assertEquals(Optional.of(CHANGED), rule(e).changedAt());
  }

  @Test
  void read_withoutACompanionEntry_theChangeInstantIsNotKnown() {
    Estate e = ArmImport.read(ArmImportErrorsTest.BASE, Companion.parse(ArmImportErrorsTest.COMPANION)).estate();
    assertEquals(Optional.empty(), rule(e).changedAt());
  }

  @Test
  void read_companionNamesARuleTheGroupDoesNotHave_isAnInputErrorAtItsPath() {
    PgreachException e =
        assertThrows(
            PgreachException.class,
            () -> ArmImport.read(ArmImportErrorsTest.BASE, Companion.parse(companion("[{\"name\": \"g\", \"securityRules\": {\"gone\": {\"changedAt\": \"" + CHANGED + "\"}}}]"))));
    assertEquals(ErrorCode.DANGLING_REFERENCE, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("companion $.networkSecurityGroups[0].securityRules.gone"), e.getMessage());
  }

  @Test
  void read_companionNamesAGroupNotInTheInput_isAnInputErrorAtItsPath() {
    PgreachException e =
        assertThrows(PgreachException.class, () -> ArmImport.read(ArmImportErrorsTest.BASE, Companion.parse(companion("[{\"name\": \"nowhere\", \"securityRules\": {}}]"))));
    assertEquals(ErrorCode.DANGLING_REFERENCE, e.code(), e.getMessage());
    assertTrue(e.getMessage().startsWith("companion $.networkSecurityGroups[0].name"), e.getMessage());
  }

  @Test
  void export_securityRuleChangedAt_survivesARoundTrip() {
    Estate e = ArmImport.read(ArmImportErrorsTest.BASE, Companion.parse(companion("[{\"name\": \"g\", \"securityRules\": {\"r\": {\"changedAt\": \"" + CHANGED + "\"}}}]"))).estate();
    ArmExport out = ArmExport.write(e);
    Estate again = ArmImport.read(out.resourcesJson(), Companion.parse(out.companion().toJson())).estate();
    assertEquals(Optional.of(CHANGED), rule(again).changedAt());
  }
}
