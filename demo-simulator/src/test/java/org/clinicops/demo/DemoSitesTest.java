package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DemoSitesTest {

    private static final DemoSites.Site BOS = DemoSites.ALL.get(0);

    @Test
    void eachSiteNamesAsItsPhysicianTheUserWhoDecidesThere() {
        for (DemoSites.Site site : DemoSites.ALL) {
            assertThat(site.physicianIds()).containsExactly("clinician-" + site.id());
            assertThat(site.toRequest().get("clinicians"))
                    .asInstanceOf(org.assertj.core.api.InstanceOfAssertFactories.LIST)
                    .contains(Map.of("id", "clinician-" + site.id(), "name", "Physician 1", "role", "PHYSICIAN"));
        }
    }

    @Test
    void everyPhysicianIsADemoUserOfTheAuthorizationServerAtHerSite() throws IOException {
        // the users the local stack's authorization server signs in (auth-server's application.yml)
        List<String> lines = Files.readAllLines(Path.of("../auth-server/src/main/resources/application.yml"));
        for (DemoSites.Site site : DemoSites.ALL) {
            String physician = site.physicianIds().get(0);
            int user = lines.indexOf("      - username: " + physician);
            assertThat(user).as(physician + " is a demo user").isPositive();
            assertThat(lines.subList(user + 1, user + 3))
                    .as(physician + "'s roles and sites")
                    .containsExactly("        roles: [CLINICIAN]", "        sites: [" + site.id() + "]");
        }
    }

    @Test
    void aSiteCreatedBeforeItsPhysiciansWereUsersKeepsItsCliniciansAndGainsThem() {
        List<Map<String, Object>> existing = List.of(
                Map.of("id", "dr-bos-1", "name", "Physician 1", "role", "PHYSICIAN"),
                Map.of("id", "rn-bos-1", "name", "Nurse 1", "role", "NURSE"));

        List<Map<String, Object>> clinicians = DemoSites.withPhysicians(BOS, existing);

        assertThat(clinicians)
                .containsExactly(
                        Map.of("id", "clinician-bos", "name", "Physician 1", "role", "PHYSICIAN"),
                        Map.of("id", "dr-bos-1", "name", "Physician 1", "role", "PHYSICIAN"),
                        Map.of("id", "rn-bos-1", "name", "Nurse 1", "role", "NURSE"));
    }

    @Test
    void aSiteThatNamesItsPhysicianUsersIsLeftAsItIs() {
        assertThat(DemoSites.withPhysicians(
                        BOS,
                        List.of(
                                Map.of("id", "clinician-bos", "name", "Dr. Lee", "role", "PHYSICIAN"),
                                Map.of("id", "rn-bos-1", "name", "Nurse 1", "role", "NURSE"))))
                .isEmpty();
    }

    @Test
    void aPhysicianUserListedInAnotherRoleBecomesThePhysician() {
        assertThat(DemoSites.withPhysicians(
                        BOS, List.of(Map.of("id", "clinician-bos", "name", "Dr. Lee", "role", "NURSE"))))
                .containsExactly(Map.of("id", "clinician-bos", "name", "Physician 1", "role", "PHYSICIAN"));
    }
}
