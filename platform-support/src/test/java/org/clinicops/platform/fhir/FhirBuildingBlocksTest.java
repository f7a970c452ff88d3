package org.clinicops.platform.fhir;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.FhirConformance;
import org.hl7.fhir.r4.model.CapabilityStatement;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.junit.jupiter.api.Test;

class FhirBuildingBlocksTest {

    @Test
    void platformIdsBecomeFhirIdsAndBack() {
        String id = "p_Ab-9_zZ";
        assertThat(FhirParams.fhirId(id)).isEqualTo("p.Ab-9.zZ");
        assertThat(FhirParams.id(FhirParams.fhirId(id), "id")).isEqualTo(id);
        assertThat(FhirParams.patient("Patient/p.Ab-9.zZ")).isEqualTo(id);
        assertThatThrownBy(() -> FhirParams.id("p_underscore", "id")).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> FhirParams.id("x".repeat(65), "id")).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void datePrefixesMakeAWindowOfUtcDays() {
        FhirParams.DateRange range = FhirParams.dates(List.of("ge2026-11-02", "lt2026-11-04"), "date");
        assertThat(range.from()).isEqualTo(Instant.parse("2026-11-02T00:00:00Z"));
        assertThat(range.to()).isEqualTo(Instant.parse("2026-11-04T00:00:00Z"));
        FhirParams.DateRange day = FhirParams.dates(List.of("2026-11-02"), "date");
        assertThat(day.contains(Instant.parse("2026-11-02T23:59:59Z"))).isTrue();
        assertThat(day.contains(Instant.parse("2026-11-03T00:00:00Z"))).isFalse();
        assertThat(FhirParams.dates(List.of("gt2026-11-02T10:00:00Z"), "date")
                        .contains(Instant.parse("2026-11-02T10:00:00Z")))
                .isFalse();
        assertThatThrownBy(() -> FhirParams.dates(List.of("yesterday"), "date"))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> FhirParams.dates(List.of("sa2026-11-02"), "date"))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void countIsBoundedAndPagesStartAtOne() {
        assertThat(FhirPage.of(null, null)).isEqualTo(new FhirPage(FhirPage.DEFAULT_COUNT, 1));
        assertThat(FhirPage.of(5000, 2)).isEqualTo(new FhirPage(FhirPage.MAX_COUNT, 2));
        assertThat(FhirPage.of(10, 3).toPageRequest().offset()).isEqualTo(20);
        assertThatThrownBy(() -> FhirPage.of(0, 1)).isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> FhirPage.of(10, 0)).isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void aPageOfAResultHeldInMemoryIsItsSliceAndEmptyPastTheEnd() {
        List<Integer> all = List.of(1, 2, 3, 4, 5);
        assertThat(new FhirPage(2, 1).of(all)).containsExactly(1, 2);
        assertThat(new FhirPage(2, 3).of(all)).containsExactly(5);
        assertThat(new FhirPage(2, 4).of(all)).isEmpty();
    }

    @Test
    void searchParametersKeepWhatWasGivenInOrderAndLeaveOutTheBlankOnes() {
        FhirSearchParameters given = FhirSearchParameters.given()
                .add("patient", "Patient/p1")
                .add("date", List.of("ge2026-01-01", "lt2026-02-01"))
                .add("status", " ")
                .add("code", (String) null)
                .add("_tag", List.of());
        assertThat(given.asMap())
                .containsExactly(
                        Map.entry("patient", List.of("Patient/p1")),
                        Map.entry("date", List.of("ge2026-01-01", "lt2026-02-01")));
    }

    @Test
    void theCapabilityStatementListsWhatIsRegisteredAndConformsToR4() {
        var types = List.of(new FhirResourceType(
                "Patient", List.of(FhirResourceType.patient(), FhirResourceType.status("x")), Set.of(Role.INTAKE)));
        CapabilityStatement statement = new FhirCapabilities(
                        "test-service", types, Clock.fixed(Instant.parse("2026-11-02T10:00:00Z"), ZoneOffset.UTC))
                .statement();
        assertThat(statement.getRestFirstRep().getResource()).hasSize(1);
        assertThat(statement.getRestFirstRep().getResourceFirstRep().getSearchParam())
                .extracting(p -> p.getName())
                .containsExactly("patient", "status");
        FhirConformance.assertConforms(statement);
    }

    @Test
    void anOutcomeConformsToR4() {
        OperationOutcome outcome = FhirOutcomes.error(FhirOutcomes.issueFor(404), "Patient p.1 was not found");
        assertThat(outcome.getIssueFirstRep().getCode()).isEqualTo(OperationOutcome.IssueType.NOTFOUND);
        FhirConformance.assertConforms(outcome);
    }
}
