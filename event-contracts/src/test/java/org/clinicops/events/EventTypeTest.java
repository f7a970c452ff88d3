package org.clinicops.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class EventTypeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void topicIsALowerCaseNameUnderTheClinicPrefix(EventType type) {
        assertThat(type.topic()).matches("clinic\\.[a-z-]+");
        assertThat(type.eventName()).isEqualTo(type.topic().substring("clinic.".length()));
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void cloudEventsTypeIsTheTopicWithVersionOne(EventType type) {
        assertThat(type.type()).isEqualTo(type.topic() + ".v1");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void typeAndTopicLeadBackToTheSameEventType(EventType type) {
        assertThat(EventType.fromType(type.type())).contains(type);
        assertThat(EventType.fromTopic(type.topic())).contains(type);
        assertThat(EventType.of(type.payloadClass())).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void everyEventBuiltInCodeKnowsItsType(EventType type) {
        assertThat(EventFixtures.of(type).eventType()).isEqualTo(type);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void recordKeyIsThePatientIdExceptForSites(EventType type) {
        ClinicEvent event = EventFixtures.of(type);

        String expectedKey = event instanceof PatientEvent patientEvent ? patientEvent.patientId() : event.siteId();
        assertThat(event.key()).isEqualTo(expectedKey);
        assertThat(event instanceof PatientEvent).isNotEqualTo(type.keyedBySite());
    }

    @Test
    void topicsTypesAndPayloadClassesAreUnique() {
        EventType[] types = EventType.values();

        assertThat(Arrays.stream(types).map(EventType::topic)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(types).map(EventType::type)).doesNotHaveDuplicates();
        assertThat(Arrays.stream(types).map(EventType::payloadClass)).doesNotHaveDuplicates();
        assertThat(types).hasSize(28);
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void producerIsTheServiceOfTheRoutingTable(EventType type) {
        assertThat(type.producer()).isEqualTo(EventRouting.TABLE.get(type).producer() + "-service");
    }

    @ParameterizedTest
    @EnumSource(EventType.class)
    void sourceIsTheCloudEventsSourceOfTheProducer(EventType type) {
        assertThat(type.source()).isEqualTo("/clinicops/" + type.producer());
    }

    @Test
    void eachServiceHasOneSource() {
        assertThat(EventType.SESSION_COMPLETED.source()).isEqualTo("/clinicops/scheduling-service");
        assertThat(EventType.CONSULTATION_REQUESTED.source()).isEqualTo("/clinicops/intake-service");
        assertThat(EventType.INVOICE_ISSUED.source()).isEqualTo("/clinicops/billing-service");
        assertThat(EventType.CLINICAL_HOLD_PLACED.source()).isEqualTo("/clinicops/monitoring-service");
    }

    @Test
    void theLifecycleEventsAddedLaterKeepTheirOwnersSources() {
        assertThat(EventType.CONSULTATION_REQUEST_WITHDRAWN.source()).isEqualTo("/clinicops/intake-service");
        assertThat(EventType.CONSULTATION_CANCELLED.source()).isEqualTo("/clinicops/scheduling-service");
        assertThat(EventType.CONSULTATION_NO_SHOW.source()).isEqualTo("/clinicops/scheduling-service");
        assertThat(EventType.INVOICE_VOIDED.source()).isEqualTo("/clinicops/billing-service");
        assertThat(EventType.INVOICE_ADJUSTED.source()).isEqualTo("/clinicops/billing-service");
    }

    @Test
    void onlySiteEventsAreKeyedBySite() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::keyedBySite))
                .containsExactly(EventType.SITE_UPDATED, EventType.CONTROLLED_SUBSTANCE_DISCREPANCY);
        assertThat(EventType.CONTROLLED_SUBSTANCE_DISCREPANCY.source()).isEqualTo("/clinicops/monitoring-service");
    }

    @Test
    void onlySiteUpdatedIsCompacted() {
        assertThat(Arrays.stream(EventType.values()).filter(EventType::compacted))
                .containsExactly(EventType.SITE_UPDATED);
    }

    @Test
    void unknownTypeOrTopicIsNotFound() {
        assertThat(EventType.fromType("clinic.session-completed.v2")).isEmpty();
        assertThat(EventType.fromType("clinic.session-completed")).isEmpty();
        assertThat(EventType.fromTopic("clinic.session-completed.dlt")).isEmpty();
    }

    @Test
    void classThatIsNotAnEventHasNoType() {
        assertThatThrownBy(() -> EventType.of(String.class))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("java.lang.String");
    }
}
