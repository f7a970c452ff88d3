package org.clinicops.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;

/**
 * The samples, the records and the schemas agree: a sample reads into its record and writes back
 * unchanged, and whatever the mapper writes for a record is valid against the schema.
 */
class EventSampleTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleIsValidAgainstItsSchema(EventType type) {
        assertThat(ContractFiles.violations(type, ContractFiles.sample(type))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sampleReadsIntoItsRecordAndWritesBackUnchanged(EventType type) {
        ClinicEvent event = EventJson.read(ContractFiles.sampleBytes(type), type.payloadClass());

        JsonNode written = EventJson.mapper().readTree(EventJson.write(event));

        assertThat(event).isInstanceOf(type.payloadClass());
        assertThat(written).isEqualTo(ContractFiles.sample(type));
        assertThat(ContractFiles.violations(type, written)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordBuiltInCodeWritesJsonValidAgainstItsSchema(EventType type) {
        ClinicEvent event = EventFixtures.of(type);

        assertThat(ContractFiles.violations(event)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordBuiltInCodeReadsBackEqual(EventType type) {
        ClinicEvent event = EventFixtures.of(type);

        ClinicEvent readBack = EventJson.read(EventJson.write(event), type.payloadClass());

        assertThat(readBack).isEqualTo(event);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void samplePatientOrSiteMatchesTheRecordKey(EventType type) {
        ClinicEvent event = EventJson.read(ContractFiles.sampleBytes(type), type.payloadClass());

        if (type.keyedBySite()) {
            assertThat(event.key()).isEqualTo("bos").isEqualTo(event.siteId());
        } else {
            assertThat(event.key()).startsWith("p_").isEqualTo(((PatientEvent) event).patientId());
        }
    }
}
