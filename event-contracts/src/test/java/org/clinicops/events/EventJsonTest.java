package org.clinicops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

class EventJsonTest {

    private static JsonNode written(ClinicEvent event) {
        return EventJson.mapper().readTree(EventJson.write(event));
    }

    private static PaymentReceived payment(BigDecimal amount) {
        return new PaymentReceived(
                "pay_01JNCXB7M1QF",
                "inv_01JNCX8E5G2N",
                "p_7Hq2mXc9LwQe",
                "bos",
                PaymentReceived.Kind.PAYMENT,
                PaymentReceived.Method.CARD,
                amount,
                "USD",
                new BigDecimal("0.00"),
                Instant.parse("2026-03-16T15:14:37Z"));
    }

    @Test
    void moneyIsWrittenAsADecimalStringKeepingItsCents() {
        JsonNode json = written(payment(new BigDecimal("450.00")));

        assertThat(json.get("amount").isString()).isTrue();
        assertThat(json.get("amount").asString()).isEqualTo("450.00");
        assertThat(json.get("invoiceBalance").asString()).isEqualTo("0.00");
    }

    @Test
    void invoiceLineAmountsAreDecimalStrings() {
        JsonNode lines = written(EventFixtures.of(EventType.INVOICE_ISSUED)).get("lines");

        assertThat(lines.get(0).get("code").asString()).isEqualTo("96365");
        assertThat(lines.get(0).get("unitPrice").isString()).isTrue();
        assertThat(lines.get(0).get("unitPrice").asString()).isEqualTo("350.00");
        assertThat(lines.get(1).get("amount").asString()).isEqualTo("450.00");
    }

    @Test
    void moneyNeverUsesExponentNotationAfterArithmetic() {
        BigDecimal stripped = new BigDecimal("450.00").stripTrailingZeros();
        PaymentReceived payment = payment(stripped);

        assertThat(written(payment).get("amount").asString()).isEqualTo("450");
        assertThat(ContractFiles.violations(payment)).isEmpty();
    }

    @Test
    void instantsAreWrittenAsIso8601Strings() {
        JsonNode json = written(payment(new BigDecimal("450.00")));

        assertThat(json.get("receivedAt").isString()).isTrue();
        assertThat(json.get("receivedAt").asString()).isEqualTo("2026-03-16T15:14:37Z");
    }

    @Test
    void unknownFieldsAreIgnoredOnRead() {
        ObjectNode body = ContractFiles.sample(EventType.INVOICE_ISSUED);
        body.put("collectionAgency", "NONE");
        ((ObjectNode) body.get("lines").get(0)).put("modifier", "25");

        InvoiceIssued invoice = EventJson.read(EventJson.mapper().writeValueAsBytes(body), InvoiceIssued.class);

        assertThat(invoice)
                .isEqualTo(EventJson.read(ContractFiles.sampleBytes(EventType.INVOICE_ISSUED), InvoiceIssued.class));
        assertThat(invoice.total()).isEqualByComparingTo("450");
    }

    @Test
    void absentOptionalFieldReadsAsNull() {
        ObjectNode body = ContractFiles.sample(EventType.PATIENT_SCREENED);
        body.remove(List.of("gad7Total", "gad7Band"));

        PatientScreened screened = EventJson.read(EventJson.mapper().writeValueAsBytes(body), PatientScreened.class);

        assertThat(screened.gad7Total()).isNull();
        assertThat(screened.gad7Band()).isNull();
        assertThat(screened.phq9Total()).isEqualTo(17);
        assertThat(ContractFiles.violations(EventType.PATIENT_SCREENED, body)).isEmpty();
    }

    @Test
    void nullOptionalFieldsAreValid() {
        InvoiceIssued sample = EventJson.read(ContractFiles.sampleBytes(EventType.INVOICE_ISSUED), InvoiceIssued.class);
        InvoiceIssued manual = new InvoiceIssued(
                "inv_01JNQ0Z1X2Y3",
                sample.patientId(),
                sample.siteId(),
                PayerType.SELF_PAY,
                InvoiceIssued.Source.MANUAL,
                null,
                "USD",
                List.of(new InvoiceIssued.Line("99204", 1, new BigDecimal("350.00"), new BigDecimal("350.00"))),
                new BigDecimal("350.00"),
                new BigDecimal("0.00"),
                new BigDecimal("350.00"),
                new BigDecimal("350.00"),
                false,
                sample.issuedAt());

        assertThat(written(manual).get("sourceId").isNull()).isTrue();
        assertThat(ContractFiles.violations(manual)).isEmpty();
    }

    @Test
    void schemaRejectsMoneyWrittenAsANumber() {
        ObjectNode body = ContractFiles.sample(EventType.PAYMENT_RECEIVED);
        body.put("amount", new BigDecimal("450.00"));

        assertThat(ContractFiles.violations(EventType.PAYMENT_RECEIVED, body))
                .singleElement()
                .asString()
                .contains("amount");
    }

    @Test
    void schemaRejectsMoneyWithFractionsOfACentBeyondFourDigits() {
        ObjectNode body = ContractFiles.sample(EventType.PAYMENT_RECEIVED);
        body.put("amount", "450.00001");

        assertThat(ContractFiles.violations(EventType.PAYMENT_RECEIVED, body)).isNotEmpty();
    }

    @Test
    void aConsultationCompletedFromAnEarlierProducerReadsWithoutTheNewPatientFlagAndLevel() {
        ObjectNode body = ContractFiles.sample(EventType.CONSULTATION_COMPLETED);
        body.remove("newPatient");
        body.remove("visitLevel");

        assertThat(ContractFiles.violations(EventType.CONSULTATION_COMPLETED, body))
                .isEmpty();
        ConsultationCompleted read =
                EventJson.read(EventJson.mapper().writeValueAsBytes(body), ConsultationCompleted.class);
        assertThat(read.newPatient()).isNull();
        assertThat(read.visitLevel()).isNull();
        assertThat(read.appointmentId()).isEqualTo(body.get("appointmentId").asString());
    }

    @Test
    void invoiceAdjustmentsAndVoidsWriteMoneyAsDecimalStrings() {
        JsonNode adjusted = written(EventFixtures.of(EventType.INVOICE_ADJUSTED));
        JsonNode voided = written(EventFixtures.of(EventType.INVOICE_VOIDED));

        assertThat(adjusted.get("patientResponsibility").isString()).isTrue();
        assertThat(adjusted.get("patientResponsibility").asString()).isEqualTo("0.00");
        assertThat(adjusted.get("previousPatientResponsibility").asString()).isEqualTo("720.00");
        assertThat(voided.get("total").asString()).isEqualTo("120.50");
        assertThat(voided.get("currency").asString()).isEqualTo("USD");
    }

    @Test
    void schemaRejectsATimeThatIsNotAnInstant() {
        ObjectNode body = ContractFiles.sample(EventType.SESSION_COMPLETED);
        body.put("completedAt", "16/03/2026 15:09");

        assertThat(ContractFiles.violations(EventType.SESSION_COMPLETED, body))
                .singleElement()
                .asString()
                .contains("completedAt");
    }

    @Test
    void schemaRejectsAMissingRequiredField() {
        ObjectNode body = ContractFiles.sample(EventType.SESSION_COMPLETED);
        body.remove("patientId");

        assertThat(ContractFiles.violations(EventType.SESSION_COMPLETED, body))
                .singleElement()
                .asString()
                .contains("patientId");
    }

    @Test
    void schemaRejectsAnUnknownEnumValue() {
        ObjectNode body = ContractFiles.sample(EventType.SESSION_COMPLETED);
        body.put("route", "ORAL");

        assertThat(ContractFiles.violations(EventType.SESSION_COMPLETED, body)).isNotEmpty();
    }

    @Test
    void schemaRejectsAPatientIdThatIsNotPseudonymous() {
        ObjectNode body = ContractFiles.sample(EventType.CONSULTATION_REQUESTED);
        body.put("patientId", "jane.doe@example.com");

        assertThat(ContractFiles.violations(EventType.CONSULTATION_REQUESTED, body))
                .singleElement()
                .asString()
                .contains("patientId");
    }

    @Test
    void schemaRejectsFreeTextWhereACodeIsExpected() {
        ObjectNode body = ContractFiles.sample(EventType.TREATMENT_DECLINED);
        body.put("reasonCode", "patient said she is pregnant");

        assertThat(ContractFiles.violations(EventType.TREATMENT_DECLINED, body)).isNotEmpty();
    }

    @Test
    void schemaAcceptsAFieldAddedLaterWithinVersionOne() {
        ObjectNode body = ContractFiles.sample(EventType.SESSION_COMPLETED);
        body.put("chairMinutes", 135);

        assertThat(ContractFiles.violations(EventType.SESSION_COMPLETED, body)).isEmpty();
    }

    @Test
    void sessionCompletedWrittenBeforeWeightAndOverridesReadsWithNulls() {
        ObjectNode body = ContractFiles.sample(EventType.SESSION_COMPLETED);
        body.remove(List.of("weightKg", "overriddenChecks", "overriddenBy"));

        SessionCompleted session = EventJson.read(EventJson.mapper().writeValueAsBytes(body), SessionCompleted.class);

        assertThat(session.weightKg()).isNull();
        assertThat(session.overriddenChecks()).isNull();
        assertThat(session.overriddenBy()).isNull();
        assertThat(session.doseMg()).isEqualByComparingTo("38.5");
        assertThat(ContractFiles.violations(EventType.SESSION_COMPLETED, body)).isEmpty();
    }

    @Test
    void sessionCompletedCarriesTheDaysWeightAndTheOverriddenCheckCodes() {
        SessionCompleted session =
                EventJson.read(ContractFiles.sampleBytes(EventType.SESSION_COMPLETED), SessionCompleted.class);
        JsonNode json = written(session);

        assertThat(json.get("weightKg").isString()).isTrue();
        assertThat(json.get("weightKg").asString()).isEqualTo("77.0");
        assertThat(session.overriddenChecks()).containsExactly("NO_RECENT_VITALS");
        assertThat(session.overriddenBy()).isEqualTo("clin_4Rk8vN");
    }

    @Test
    void overridableChecksAreTheCodesTheSchemaAllows() {
        JsonNode items = ContractFiles.schema(EventType.SESSION_COMPLETED).at("/properties/overriddenChecks/items");
        List<String> codes =
                items.path("enum").valueStream().map(JsonNode::asString).toList();

        assertThat(codes).isEqualTo(SessionCompleted.OVERRIDABLE_CHECKS);
    }

    @Test
    void schemaRejectsAnOverrideReasonInWordsWhereACheckCodeIsExpected() {
        ObjectNode body = ContractFiles.sample(EventType.SESSION_COMPLETED);
        body.putArray("overriddenChecks").add("patient felt fine, escort on the way");

        assertThat(ContractFiles.violations(EventType.SESSION_COMPLETED, body)).isNotEmpty();
    }

    @Test
    void schemaRejectsAnEmptyOrRepeatedListOfOverriddenChecks() {
        ObjectNode empty = ContractFiles.sample(EventType.SESSION_COMPLETED);
        empty.putArray("overriddenChecks");
        ObjectNode repeated = ContractFiles.sample(EventType.SESSION_COMPLETED);
        repeated.putArray("overriddenChecks").add("OPEN_ALERT").add("OPEN_ALERT");

        assertThat(ContractFiles.violations(EventType.SESSION_COMPLETED, empty)).isNotEmpty();
        assertThat(ContractFiles.violations(EventType.SESSION_COMPLETED, repeated))
                .isNotEmpty();
    }

    @Test
    void sessionCompletedBuiltWithTheFirstV1FieldsHasNoWeightOrOverrides() {
        SessionCompleted session = (SessionCompleted) EventFixtures.of(EventType.SESSION_COMPLETED);

        assertThat(session.weightKg()).isNull();
        assertThat(session.overriddenChecks()).isNull();
        assertThat(session.overriddenBy()).isNull();
        assertThat(ContractFiles.violations(session)).isEmpty();
    }
}
