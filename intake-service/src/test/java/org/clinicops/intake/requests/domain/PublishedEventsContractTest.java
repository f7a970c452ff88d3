package org.clinicops.intake.requests.domain;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SchemaRegistryConfig;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequestWithdrawn;
import org.clinicops.events.EventJson;
import org.clinicops.events.EventType;
import org.clinicops.events.PayerType;
import org.clinicops.events.Protocol;
import org.clinicops.events.ReferralSource;
import org.clinicops.events.TreatmentDeclined;
import org.clinicops.intake.plans.domain.PlanChoice;
import org.clinicops.intake.plans.domain.ProtocolFixtures;
import org.clinicops.intake.screening.domain.Contraindication;
import org.clinicops.intake.screening.domain.ContraindicationPolicy;
import org.clinicops.intake.screening.domain.EligibilityPolicy;
import org.clinicops.intake.screening.domain.PriorTrial;
import org.clinicops.intake.screening.domain.ScreeningAnswers;
import org.clinicops.platform.outbox.PendingEvent;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/** Every event intake raises matches its JSON Schema in the contract (STYLE rule 12). */
class PublishedEventsContractTest {

    static final Instant NOW = Instant.parse("2026-11-24T15:00:00Z");
    static final EligibilityPolicy POLICY = new EligibilityPolicy(ContraindicationPolicy.standard(), 33);
    static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(
            SpecificationVersion.DRAFT_2020_12,
            builder -> builder.schemaRegistryConfig(
                    SchemaRegistryConfig.builder().formatAssertionsEnabled(true).build()));

    static ConsultationRequest consulted(Condition condition, ScreeningAnswers answers) {
        ConsultationRequest request = ConsultationRequest.submit(
                "req_1", "p_7Hq2mXc9LwQe", "den", condition, ReferralSource.SELF, PayerType.SELF_PAY, "evt_1", NOW);
        request.consultationCheckedIn("apt_1", NOW, NOW);
        request.screen(POLICY.screen(condition, answers), "evt_2", NOW);
        request.consultationCompleted("apt_1", NOW, NOW.plusSeconds(2700), NOW.plusSeconds(2700));
        return request;
    }

    static ScreeningAnswers answers(List<Integer> phq9, Set<Contraindication> contraindications) {
        return new ScreeningAnswers(
                phq9,
                List.of(2, 2, 2, 2, 1, 1, 1),
                null,
                null,
                List.of(new PriorTrial("a", true, false), new PriorTrial("b", true, false)),
                contraindications,
                List.of(),
                new BigDecimal("72.5"));
    }

    @Test
    void aWeightBasedPlanAndItsScreeningMatchTheirSchemas() {
        ConsultationRequest request = consulted(
                Condition.TREATMENT_RESISTANT_DEPRESSION, answers(List.of(2, 2, 2, 2, 2, 2, 2, 2, 0), Set.of()));
        request.accept(
                "plan_1",
                new PlanChoice(Protocol.DEPRESSION_INDUCTION, null, new BigDecimal("0.75"), null),
                ProtocolFixtures.INDUCTION,
                "dr-1",
                false,
                null,
                "evt_3",
                NOW);

        assertEveryEventMatchesItsSchema(request, 3);
        assertThat(request.pendingEvents().get(2).body()).contains("\"doseMgPerKg\":\"0.75\"", "\"doseMg\":\"54.4\"");
    }

    @Test
    void anEsketaminePlanMatchesItsSchemaWithItsFixedDose() {
        ConsultationRequest request = consulted(
                Condition.TREATMENT_RESISTANT_DEPRESSION, answers(List.of(2, 2, 2, 2, 2, 2, 2, 2, 0), Set.of()));
        request.accept(
                "plan_1",
                new PlanChoice(Protocol.ESKETAMINE_INDUCTION, null, null, new BigDecimal("84")),
                ProtocolFixtures.NASAL,
                "dr-1",
                false,
                null,
                "evt_3",
                NOW);

        assertEveryEventMatchesItsSchema(request, 3);
        assertThat(request.pendingEvents().get(2).body()).contains("\"doseMgPerKg\":\"0\"", "\"doseMg\":\"84.0\"");
    }

    @Test
    void aScreeningWithEveryReasonAndADeclineMatchTheirSchemas() {
        ConsultationRequest request = consulted(
                Condition.PTSD,
                answers(
                        List.of(2, 2, 2, 2, 2, 2, 2, 2, 1),
                        Set.of(Contraindication.PREGNANCY, Contraindication.CARDIOVASCULAR_DISEASE)));
        request.decline(TreatmentDeclined.Decision.DECLINED, "dr-1", "CONTRAINDICATED", "evt_3", NOW);

        assertEveryEventMatchesItsSchema(request, 3);
        assertThat(request.pendingEvents().get(1).body())
                .contains("\"reasons\":[\"CONTRAINDICATION_PREGNANCY\",\"CONTRAINDICATION_CARDIOVASCULAR_DISEASE\","
                        + "\"SELF_HARM_RISK\",\"PCL5_MISSING\"]");
    }

    @Test
    void aWithdrawalWithAndWithoutAReasonMatchesItsSchema() {
        ConsultationRequest withReason = ConsultationRequest.submit(
                "req_1",
                "p_7Hq2mXc9LwQe",
                "den",
                Condition.ANXIETY,
                ReferralSource.SELF,
                PayerType.SELF_PAY,
                "evt_1",
                NOW);
        withReason.withdraw(ConsultationRequestWithdrawn.Reason.NO_RESPONSE, "evt_2", NOW);
        ConsultationRequest withoutReason = consulted(
                Condition.TREATMENT_RESISTANT_DEPRESSION, answers(List.of(2, 2, 2, 2, 2, 2, 2, 2, 0), Set.of()));
        withoutReason.withdraw(null, "evt_3", NOW);

        assertEveryEventMatchesItsSchema(withReason, 2);
        assertEveryEventMatchesItsSchema(withoutReason, 3);
        assertThat(withReason.pendingEvents().get(1).body()).contains("\"reason\":\"NO_RESPONSE\"");
    }

    static void assertEveryEventMatchesItsSchema(ConsultationRequest request, int events) {
        assertThat(request.pendingEvents()).hasSize(events);
        for (PendingEvent event : request.pendingEvents()) {
            EventType type = EventType.fromType(event.type()).orElseThrow();
            Schema schema = SCHEMAS.getSchema(json("events/" + type.eventName() + ".v1.schema.json"));
            assertThat(schema.validate(EventJson.mapper().readTree(event.body())))
                    .as(type.type())
                    .isEmpty();
        }
    }

    static JsonNode json(String resource) {
        try (InputStream in = PublishedEventsContractTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            return EventJson.mapper().readTree(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
