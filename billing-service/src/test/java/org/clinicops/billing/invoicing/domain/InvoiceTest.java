package org.clinicops.billing.invoicing.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.events.InvoiceAdjusted;
import org.clinicops.events.InvoiceIssued;
import org.clinicops.events.InvoiceVoided;
import org.clinicops.events.PayerType;
import org.clinicops.events.PaymentReceived;
import org.clinicops.events.PaymentReceived.Method;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.junit.jupiter.api.Test;

class InvoiceTest {

    static final Instant NOW = Instant.parse("2026-03-16T15:00:00Z");

    static Invoice issued(int discountPercent, String... prices) {
        List<InvoiceLine> lines = java.util.Arrays.stream(prices)
                .map(p -> InvoiceLine.of("96365", "IV infusion, first hour", 1, new BigDecimal(p)))
                .toList();
        return Invoice.charge(
                "inv_1",
                new Charge(
                        "p_1",
                        "bos",
                        PayerType.SELF_PAY,
                        "USD",
                        InvoiceIssued.Source.SESSION,
                        "apt_1",
                        "plan_1",
                        NOW,
                        lines,
                        discountPercent,
                        discountPercent > 0 ? "B" : null,
                        false),
                "evt_1",
                NOW);
    }

    @Test
    void issuesAChargeAtOnceAndRaisesInvoiceIssued() {
        Invoice invoice = issued(0, "450.00", "45.00");

        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.total()).isEqualByComparingTo("495.00");
        assertThat(invoice.balance()).isEqualByComparingTo("495.00");
        assertThat(invoice.pendingEvents()).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo("clinic.invoice-issued.v1");
            assertThat(e.body()).contains("\"total\":\"495.00\"").contains("\"patientResponsibility\":\"495.00\"");
        });
    }

    @Test
    void appliesTheAssistanceDiscountToWhatThePatientOwes() {
        Invoice invoice = issued(25, "450.00", "45.00");

        assertThat(invoice.subtotal()).isEqualByComparingTo("495.00");
        assertThat(invoice.discount()).isEqualByComparingTo("123.75");
        assertThat(invoice.patientResponsibility()).isEqualByComparingTo("371.25");
        assertThat(invoice.pendingEvents().get(0).body()).contains("\"assistanceApplied\":true");
    }

    @Test
    void becomesPartiallyPaidThenPaid() {
        Invoice invoice = issued(0, "450.00");

        invoice.recordPayment("pay_1", new BigDecimal("200"), Method.CARD, "clerk", "evt_2", NOW);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
        assertThat(invoice.balance()).isEqualByComparingTo("250.00");

        invoice.recordPayment("pay_2", new BigDecimal("250.00"), Method.CASH, "clerk", "evt_3", NOW);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.balance()).isEqualByComparingTo("0.00");
        assertThat(invoice.history())
                .extracting(HistoryEntry::action)
                .containsExactly("CREATED", "ISSUED", "PAYMENT", "PAYMENT");
        assertThat(invoice.pendingEvents().get(2).body()).contains("\"invoiceBalance\":\"0.00\"");
    }

    @Test
    void refusesAPaymentAboveTheBalance() {
        Invoice invoice = issued(0, "450.00");

        assertThatThrownBy(() -> invoice.recordPayment("pay_1", new BigDecimal("450.01"), Method.CARD, "c", "e", NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("OVERPAYMENT"));
        assertThat(invoice.paid()).isEqualByComparingTo("0");
    }

    @Test
    void refusesAPaymentOfZeroOrWithFractionsOfCents() {
        Invoice invoice = issued(0, "450.00");

        assertThatThrownBy(() -> invoice.recordPayment("pay_1", BigDecimal.ZERO, Method.CARD, "c", "e", NOW))
                .isInstanceOf(InvalidRequestException.class);
        assertThatThrownBy(() -> invoice.recordPayment("pay_1", new BigDecimal("1.005"), Method.CARD, "c", "e", NOW))
                .isInstanceOf(InvalidRequestException.class);
    }

    @Test
    void refundsUpToWhatWasPaidAndNeverMore() {
        Invoice invoice = issued(0, "450.00");
        invoice.recordPayment("pay_1", new BigDecimal("450.00"), Method.CARD, "c", "e1", NOW);

        assertThatThrownBy(() -> invoice.refund("ref_1", new BigDecimal("450.01"), "overcharged", "c", "e2", NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("REFUND_EXCEEDS_PAID"));

        invoice.refund("ref_1", new BigDecimal("450.00"), "session not given", "c", "e3", NOW);
        assertThat(invoice.paid()).isEqualByComparingTo("0");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(invoice.payments())
                .last()
                .satisfies(p -> assertThat(p.kind()).isEqualTo(PaymentReceived.Kind.REFUND));
        assertThatThrownBy(() -> invoice.refund("ref_2", new BigDecimal("0.01"), "again", "c", "e4", NOW))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void voidsOnlyWithAReasonAndNothingPaid() {
        Invoice invoice = issued(0, "450.00");
        assertThatThrownBy(() -> invoice.voidInvoice(" ", "c", "e0", NOW)).isInstanceOf(InvalidRequestException.class);

        invoice.recordPayment("pay_1", new BigDecimal("10"), Method.CASH, "c", "e1", NOW);
        assertThatThrownBy(() -> invoice.voidInvoice("duplicate", "c", "e1v", NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("REFUND_FIRST"));

        invoice.refund("ref_1", new BigDecimal("10"), "duplicate", "c", "e2", NOW);
        invoice.voidInvoice("duplicate", "c", "e3", NOW);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(invoice.balance()).isEqualByComparingTo("0");
        assertThat(invoice.history())
                .last()
                .satisfies(h -> assertThat(h.detail()).isEqualTo("duplicate"));
    }

    @Test
    void keepsAManualInvoiceAsDraftUntilIssued() {
        Invoice draft = Invoice.draft(
                "inv_2",
                "p_1",
                "bos",
                PayerType.SELF_PAY,
                "USD",
                NOW,
                List.of(InvoiceLine.of("99204", "New patient evaluation", 1, new BigDecimal("350"))),
                "clerk",
                NOW);
        assertThat(draft.status()).isEqualTo(InvoiceStatus.DRAFT);
        assertThat(draft.pendingEvents()).isEmpty();
        assertThatThrownBy(() -> draft.recordPayment("p", BigDecimal.TEN, Method.CASH, "c", "e", NOW))
                .isInstanceOf(ConflictException.class);

        draft.issue("clerk", "evt_9", NOW);
        assertThat(draft.status()).isEqualTo(InvoiceStatus.ISSUED);
        assertThat(draft.balance()).isEqualByComparingTo("350.00");
        assertThatThrownBy(() -> draft.issue("clerk", "evt_10", NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
    }

    @Test
    void appliesAssistanceAfterIssueAndRecalculatesTheBalance() {
        Invoice invoice = issued(0, "450.00");
        invoice.applyAssistance(50, "B", "clerk", "e2", NOW);
        assertThat(invoice.discount()).isEqualByComparingTo("225.00");
        assertThat(invoice.balance()).isEqualByComparingTo("225.00");
    }

    private static <T extends org.clinicops.events.ClinicEvent> List<T> events(Invoice invoice, Class<T> type) {
        String wanted = org.clinicops.events.EventType.of(type).type();
        return invoice.pendingEvents().stream()
                .filter(e -> e.type().equals(wanted))
                .map(e -> org.clinicops.events.EventJson.read(
                        e.body().getBytes(java.nio.charset.StandardCharsets.UTF_8), type))
                .toList();
    }

    @Test
    void voidingAnIssuedInvoiceRaisesInvoiceVoidedOnceWithWhatItBilledAndNoReason() {
        Invoice invoice = issued(20, "450.00");
        Instant later = NOW.plusSeconds(3600);

        invoice.voidInvoice("billed to the wrong patient, Jane", "clerk", "e_void", later);
        assertThatThrownBy(() -> invoice.voidInvoice("again", "clerk", "e_void2", later))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));

        assertThat(events(invoice, InvoiceVoided.class))
                .containsExactly(new InvoiceVoided(
                        "inv_1",
                        "p_1",
                        "bos",
                        InvoiceIssued.Source.SESSION,
                        "apt_1",
                        "USD",
                        new BigDecimal("360.00"),
                        new BigDecimal("360.00"),
                        later));
        assertThat(invoice.pendingEvents())
                .noneSatisfy(e -> assertThat(e.body()).contains("Jane"));
    }

    @Test
    void voidingOrDiscountingADraftRaisesNothing() {
        Invoice draft = Invoice.draft(
                "inv_2",
                "p_1",
                "bos",
                PayerType.SELF_PAY,
                "USD",
                NOW,
                List.of(InvoiceLine.of("99204", "New patient evaluation", 1, new BigDecimal("350"))),
                "clerk",
                NOW);

        draft.applyAssistance(40, "C", "clerk", "e1", NOW);
        draft.voidInvoice("entered twice", "clerk", "e2", NOW);

        assertThat(draft.status()).isEqualTo(InvoiceStatus.VOID);
        assertThat(draft.pendingEvents()).isEmpty();
    }

    @Test
    void assistanceAfterIssueRaisesInvoiceAdjustedWithTheNewPatientShareOnce() {
        Invoice invoice = issued(0, "450.00");
        invoice.recordPayment("pay_1", new BigDecimal("100.00"), Method.CARD, "c", "e_pay", NOW);
        Instant later = NOW.plusSeconds(600);

        invoice.applyAssistance(40, "C", "clerk", "e_adj", later);
        invoice.applyAssistance(40, "C", "clerk", "e_adj_retry", later.plusSeconds(5));

        assertThat(events(invoice, InvoiceAdjusted.class))
                .containsExactly(new InvoiceAdjusted(
                        "inv_1",
                        "p_1",
                        "bos",
                        InvoiceIssued.Source.SESSION,
                        "apt_1",
                        InvoiceAdjusted.Reason.ASSISTANCE,
                        "USD",
                        new BigDecimal("450.00"),
                        new BigDecimal("180.00"),
                        new BigDecimal("270.00"),
                        new BigDecimal("270.00"),
                        new BigDecimal("450.00"),
                        true,
                        false,
                        later));
        assertThat(invoice.balance()).isEqualByComparingTo("170.00");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PARTIALLY_PAID);
    }

    @Test
    void aDiscountBelowWhatWasPaidIsRefusedAndRaisesNothing() {
        Invoice invoice = issued(0, "100.00");
        invoice.recordPayment("pay_1", new BigDecimal("90.00"), Method.CARD, "c", "e_pay", NOW);

        assertThatThrownBy(() -> invoice.applyAssistance(50, "B", "clerk", "e_adj", NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("DISCOUNT_BELOW_PAID"));
        assertThat(events(invoice, InvoiceAdjusted.class)).isEmpty();
        assertThat(invoice.patientResponsibility()).isEqualByComparingTo("100.00");
    }

    @Test
    void aSeriesPackageBoughtAfterIssueCoversTheSessionOnceAndRaisesInvoiceAdjusted() {
        Invoice invoice = issued(25, "400.00");

        invoice.applySeriesPackage("pkg_1", "clerk", "e_pkg", NOW.plusSeconds(60));

        assertThat(invoice.prepaid()).isTrue();
        assertThat(invoice.patientResponsibility()).isEqualByComparingTo("0");
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(events(invoice, InvoiceAdjusted.class)).singleElement().satisfies(e -> {
            assertThat(e.reason()).isEqualTo(InvoiceAdjusted.Reason.SERIES_PACKAGE);
            assertThat(e.patientResponsibility()).isEqualByComparingTo("0.00");
            assertThat(e.previousPatientResponsibility()).isEqualByComparingTo("300.00");
            assertThat(e.discount()).isEqualByComparingTo("400.00");
            assertThat(e.prepaid()).isTrue();
            assertThat(e.assistanceApplied()).isTrue();
        });
        assertThatThrownBy(() -> invoice.applySeriesPackage("pkg_1", "clerk", "e_pkg2", NOW))
                .isInstanceOf(ConflictException.class);
        // covered whole, the invoice is PAID: nothing more applies to it
        assertThatThrownBy(() -> invoice.applyAssistance(50, "B", "clerk", "e_adj", NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
        assertThat(events(invoice, InvoiceAdjusted.class)).hasSize(1);
    }

    @Test
    void aSeriesPackageCoversOnlyASessionInvoiceNothingIsPaidOn() {
        Invoice paid = issued(0, "100.00");
        paid.recordPayment("pay_1", new BigDecimal("100.00"), Method.CARD, "c", "e_pay", NOW);
        Invoice manual = Invoice.draft(
                "inv_2",
                "p_1",
                "bos",
                PayerType.SELF_PAY,
                "USD",
                NOW,
                List.of(InvoiceLine.of("99204", "New patient evaluation", 1, new BigDecimal("350"))),
                "clerk",
                NOW);
        manual.issue("clerk", "e_issue", NOW);

        assertThatThrownBy(() -> paid.applySeriesPackage("pkg_1", "clerk", "e1", NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("ILLEGAL_TRANSITION"));
        assertThatThrownBy(() -> manual.applySeriesPackage("pkg_1", "clerk", "e2", NOW))
                .isInstanceOfSatisfying(
                        ConflictException.class, e -> assertThat(e.code()).isEqualTo("NOT_A_SESSION"));
    }

    @Test
    void splitsTheBalanceIntoInstalmentsThatAddUp() {
        Invoice invoice = issued(0, "1000.00");
        invoice.planPayments(3, LocalDate.parse("2026-04-01"), 30, "clerk", NOW);
        assertThat(invoice.paymentPlan())
                .extracting(Instalment::amount)
                .containsExactly(new BigDecimal("333.33"), new BigDecimal("333.33"), new BigDecimal("333.34"));
        assertThat(invoice.paymentPlan())
                .extracting(Instalment::dueDate)
                .containsExactly(
                        LocalDate.parse("2026-04-01"), LocalDate.parse("2026-05-01"), LocalDate.parse("2026-05-31"));
    }

    @Test
    void marksAFullyPrepaidSessionAsPaid() {
        Invoice invoice = Invoice.charge(
                "inv_3",
                new Charge(
                        "p_1",
                        "bos",
                        PayerType.SELF_PAY,
                        "USD",
                        InvoiceIssued.Source.SESSION,
                        "apt_3",
                        null,
                        NOW,
                        List.of(InvoiceLine.of("96365", "IV", 1, new BigDecimal("450"))),
                        0,
                        null,
                        true),
                "evt",
                NOW);
        assertThat(invoice.status()).isEqualTo(InvoiceStatus.PAID);
        assertThat(invoice.patientResponsibility()).isEqualByComparingTo("0");
    }
}
