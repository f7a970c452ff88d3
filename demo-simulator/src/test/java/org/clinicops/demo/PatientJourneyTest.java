package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import org.clinicops.demo.StandInClinic.Call;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * One patient's journey against a stand-in for the four services ({@link StandInClinic}), on a demo
 * clock the test moves by each wait the journey asks for (speed 1: a real wait is the business
 * wait): the lifecycle steps that end something come as their rates say, at the business time they
 * are due, with the bodies and tokens the services take; the stand-in refuses what the services
 * refuse, and nothing is refused.
 */
class PatientJourneyTest {

    /** Nothing happens but the journey itself; every invoice is paid in full at checkout. */
    private static final DemoRates QUIET = new DemoRates(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0);

    private static final List<String> WITHDRAWAL_REASONS =
            List.of("PATIENT_CHOICE", "TREATED_ELSEWHERE", "COST", "NO_RESPONSE", "DUPLICATE", "OTHER");

    private StandInClinic clinic = new StandInClinic();
    private DemoStats stats = new DemoStats();

    @AfterEach
    void stop() {
        clinic.close();
    }

    @Test
    void withdrawsTheRequestHalfWayToItsConsultationWithAReasonCode() {
        clinic.consultationBookedAfter(Duration.ofHours(6));

        run(QUIET.with("withdrawal", 1), 1);

        Call withdrawn = clinic.call("POST", "intake", "/consultation-requests/req_1/withdraw");
        // half-way from the request to the check-in 10 minutes before the start: (6 h - 10 min) / 2
        assertThat(withdrawn.at()).isEqualTo(clinic.requestedAt().plus(Duration.ofMinutes(175)));
        assertThat(withdrawn.body().path("reason").asString()).isIn(WITHDRAWAL_REASONS);
        assertThat(withdrawn.token()).isEqualTo(StandInClinic.DEMO_TOKEN);
        assertThat(clinic.calls("POST", "scheduling", "/check-in")).isEmpty();
        assertThat(clinic.calls("POST", "intake", "/screening")).isEmpty();
        assertThat(clinic.appointment(StandInClinic.CONSULTATION_ID)).containsEntry("status", "CANCELLED");
        assertThat(stats.get("requests withdrawn")).isEqualTo(1);
        assertNothingRefused();
    }

    @Test
    void aRequestStillWaitingForATimeIsWithdrawnFromTheWaitingList() {
        clinic.consultationBookedAfter(null);

        run(QUIET.with("withdrawal", 1), 2);

        Call withdrawn = clinic.call("POST", "intake", "/consultation-requests/req_1/withdraw");
        assertThat(withdrawn.at())
                .isBetween(clinic.requestedAt(), clinic.requestedAt().plus(Duration.ofMinutes(1)));
        assertThat(clinic.requestStatus()).isEqualTo("WITHDRAWN");
        assertNothingRefused();
    }

    @Test
    void cancelsTheConsultationTwoDaysAheadWhenItIsBookedFurtherOutThenClosesTheRequest() {
        clinic.consultationBookedAfter(Duration.ofDays(5));

        run(QUIET.with("consultationCancellation", 1), 3);

        Instant startsAt = clinic.requestedAt().plus(Duration.ofDays(5));
        Call cancelled = clinic.call("POST", "scheduling", StandInClinic.CONSULTATION_ID + "/cancel");
        assertThat(cancelled.at()).isEqualTo(startsAt.minus(Duration.ofDays(2)));
        assertThat(cancelled.body().path("reason").asString()).isIn("PATIENT_REQUEST", "ILLNESS");
        assertThat(clinic.appointment(StandInClinic.CONSULTATION_ID)).containsEntry("late", false);
        assertThat(stats.get("consultations cancelled (in time)")).isEqualTo(1);
        // the request waits again and nothing books it: the coordinator closes it two days later
        Call closed = clinic.call("POST", "intake", "/consultation-requests/req_1/withdraw");
        assertThat(closed.at()).isEqualTo(cancelled.at().plus(Duration.ofDays(2)));
        assertThat(closed.body().path("reason").asString()).isEqualTo("PATIENT_CHOICE");
        assertThat(stats.get("requests closed after a lost consultation")).isEqualTo(1);
        assertThat(clinic.calls("POST", "scheduling", "/check-in")).isEmpty();
        assertNothingRefused();
    }

    @Test
    void aLateCancellationComesThreeHoursBeforeTheStart() {
        clinic.consultationBookedAfter(Duration.ofDays(5));

        run(QUIET.with("consultationLateCancellation", 1), 4);

        Instant startsAt = clinic.requestedAt().plus(Duration.ofDays(5));
        Call cancelled = clinic.call("POST", "scheduling", StandInClinic.CONSULTATION_ID + "/cancel");
        assertThat(cancelled.at()).isEqualTo(startsAt.minus(Duration.ofHours(3)));
        assertThat(clinic.appointment(StandInClinic.CONSULTATION_ID)).containsEntry("late", true);
        assertThat(stats.get("consultations cancelled (late)")).isEqualTo(1);
        assertNothingRefused();
    }

    @Test
    void aConsultationBookedForTheSameDayIsCancelledHalfWayToItsStartAndSoLate() {
        clinic.consultationBookedAfter(Duration.ofHours(6));

        run(QUIET.with("consultationCancellation", 1), 5);

        Instant startsAt = clinic.requestedAt().plus(Duration.ofHours(6));
        Instant seen =
                clinic.calls("GET", "scheduling", "/api/appointments").get(0).at();
        Call cancelled = clinic.call("POST", "scheduling", StandInClinic.CONSULTATION_ID + "/cancel");
        assertThat(cancelled.at())
                .isEqualTo(seen.plus(Duration.between(seen, startsAt).dividedBy(2)))
                .isBefore(startsAt);
        assertThat(stats.get("consultations cancelled (late)")).isEqualTo(1);
        assertNothingRefused();
    }

    @Test
    void theSitesPhysicianRecordsAConsultationNoShowOnceCheckInHasClosedThenTheRequestIsClosed() {
        clinic.consultationBookedAfter(Duration.ofHours(6));

        run(QUIET.with("consultationNoShow", 1), 6);

        Instant startsAt = clinic.requestedAt().plus(Duration.ofHours(6));
        Call missed = clinic.call("POST", "scheduling", StandInClinic.CONSULTATION_ID + "/no-show");
        assertThat(missed.at()).isEqualTo(startsAt.plus(Duration.ofMinutes(35)));
        assertThat(missed.token()).isEqualTo(StandInClinic.PHYSICIAN_TOKEN);
        assertThat(clinic.calls("POST", "scheduling", "/check-in")).isEmpty();
        assertThat(stats.get("consultation no-shows")).isEqualTo(1);
        Call closed = clinic.call("POST", "intake", "/consultation-requests/req_1/withdraw");
        assertThat(closed.at()).isEqualTo(missed.at().plus(Duration.ofDays(2)));
        assertThat(closed.body().path("reason").asString()).isEqualTo("NO_RESPONSE");
        assertThat(closed.token()).isEqualTo(StandInClinic.DEMO_TOKEN);
        assertNothingRefused();
    }

    @Test
    void voidsAnIssuedInvoiceTwoHoursAfterItsIssueAndNeverPaysIt() {
        run(QUIET.with("invoiceVoid", 1), 7);

        Instant issuedAt = clinic.call("POST", "scheduling", StandInClinic.INFUSION_ID + "/complete")
                .at();
        Call voided = clinic.call("POST", "billing", "/invoices/inv_1/void");
        assertThat(voided.at()).isEqualTo(issuedAt.plus(Duration.ofHours(2)));
        assertThat(voided.body().path("reason").asString()).isNotBlank();
        assertThat(clinic.calls("POST", "billing", "/payments")).isEmpty();
        assertThat(clinic.invoices())
                .singleElement()
                .satisfies(invoice -> assertThat(invoice).containsEntry("status", "VOID"));
        assertThat(stats.get("invoices voided")).isEqualTo(1);
        assertNothingRefused();
    }

    @Test
    void appliesAssistanceToASelfPayInvoiceADayAfterItsIssueThenThePatientPaysTheRest() {
        clinic.payer("SELF_PAY");

        run(QUIET.with("assistanceAfterIssue", 1), 8);

        Instant issuedAt = clinic.call("POST", "scheduling", StandInClinic.INFUSION_ID + "/complete")
                .at();
        Call decided = clinic.call("POST", "billing", "/patients/p_1/assistance-decisions");
        Call applied = clinic.call("POST", "billing", "/invoices/inv_1/assistance");
        Call paid = clinic.call("POST", "billing", "/invoices/inv_1/payments");
        assertThat(decided.at()).isEqualTo(issuedAt.plus(Duration.ofDays(1)));
        assertThat(applied.at()).isEqualTo(decided.at());
        assertThat(paid.at()).isEqualTo(applied.at());
        assertThat(clinic.calls()).containsSubsequence(decided, applied, paid);
        // the decision covers the day of service wherever the site is
        Instant serviceAt = Instant.parse(
                String.valueOf(clinic.appointment(StandInClinic.INFUSION_ID).get("startsAt")));
        assertThat(LocalDate.parse(decided.body().path("effectiveFrom").asString()))
                .isBefore(LocalDate.ofInstant(serviceAt, ZoneOffset.UTC));
        assertThat(clinic.invoices()).singleElement().satisfies(invoice -> {
            assertThat((int) invoice.get("discountPercent")).isPositive();
            assertThat(new BigDecimal(paid.body().path("amount").asString()))
                    .isEqualByComparingTo(String.valueOf(invoice.get("total")))
                    .isLessThan(StandInClinic.PRICE);
            assertThat(invoice).containsEntry("status", "PAID");
        });
        assertThat(stats.get("assistance applied after issue")).isEqualTo(1);
        assertNothingRefused();
    }

    @Test
    void anInsuredPatientsInvoiceGetsNoAssistanceAfterIssueAndIsPaidAtCheckout() {
        clinic.payer("INSURANCE");

        run(QUIET.with("assistanceAfterIssue", 1), 9);

        Instant issuedAt = clinic.call("POST", "scheduling", StandInClinic.INFUSION_ID + "/complete")
                .at();
        assertThat(clinic.calls("POST", "billing", "/assistance")).isEmpty();
        assertThat(clinic.calls("POST", "billing", "/assistance-decisions")).isEmpty();
        assertThat(clinic.call("POST", "billing", "/invoices/inv_1/payments").at())
                .isEqualTo(issuedAt.plus(Duration.ofMinutes(30)));
        assertNothingRefused();
    }

    @Test
    void aPatientWhoAskedForAssistanceWithHerRequestIsNotDecidedAgainAfterAnInvoice() {
        run(QUIET.with("assistance", 1).with("assistanceAfterIssue", 1), 10);

        assertThat(clinic.calls("POST", "billing", "/assistance-decisions")).hasSize(1);
        assertThat(clinic.calls("POST", "billing", "/invoices/inv_1/assistance"))
                .isEmpty();
        assertNothingRefused();
    }

    @Test
    void ratesOfZeroTurnEveryLifecycleStepOff() {
        DemoRates off = DemoRates.typical()
                .with("withdrawal", 0)
                .with("consultationCancellation", 0)
                .with("consultationLateCancellation", 0)
                .with("consultationNoShow", 0)
                .with("invoiceVoid", 0)
                .with("assistanceAfterIssue", 0);

        for (long seed = 1; seed <= 25; seed++) {
            fresh();
            run(off, seed);

            assertThat(clinic.calls())
                    .as("seed %d", seed)
                    .noneMatch(call -> call.path().endsWith("/withdraw"))
                    .noneMatch(call -> call.path().endsWith(StandInClinic.CONSULTATION_ID + "/cancel"))
                    .noneMatch(call -> call.path().endsWith(StandInClinic.CONSULTATION_ID + "/no-show"))
                    .noneMatch(call -> call.path().endsWith("/void"))
                    .noneMatch(call -> call.path().matches("/api/invoices/[^/]+/assistance"));
            assertThat(clinic.calls("POST", "scheduling", StandInClinic.CONSULTATION_ID + "/complete"))
                    .as("seed %d: the consultation took place", seed)
                    .hasSize(1);
            assertNothingRefused();
        }
    }

    @Test
    void manyJourneysTakeEveryLifecycleStepAndTheServicesRefuseNone() {
        DemoRates often = DemoRates.typical()
                .with("withdrawal", 0.2)
                .with("consultationCancellation", 0.15)
                .with("consultationLateCancellation", 0.15)
                .with("consultationNoShow", 0.15)
                .with("invoiceVoid", 0.3)
                .with("assistance", 0)
                .with("assistanceAfterIssue", 0.5);
        int[] taken = new int[5];
        List<Predicate<Call>> steps = List.of(
                call -> call.path().endsWith("/withdraw"),
                call -> call.path().endsWith(StandInClinic.CONSULTATION_ID + "/cancel"),
                call -> call.path().endsWith(StandInClinic.CONSULTATION_ID + "/no-show"),
                call -> call.path().endsWith("/void"),
                call -> call.path().matches("/api/invoices/[^/]+/assistance"));

        for (long seed = 100; seed < 140; seed++) {
            fresh();
            clinic.consultationBookedAfter(Duration.ofHours(1 + seed % 72));
            run(often, seed);

            assertNothingRefused();
            for (int i = 0; i < steps.size(); i++) {
                taken[i] += (int) clinic.calls().stream().filter(steps.get(i)).count();
            }
        }
        assertThat(taken)
                .as("withdrawals, cancellations, no-shows, voids, assistance")
                .doesNotContain(0);
    }

    /** Runs the journey to its end, moving business time by each wait it asks for. */
    private void run(DemoRates rates, long seed) {
        ClinicClient api = new ClinicClient(clinic.urls(), AccessTokens.fixed(StandInClinic.DEMO_TOKEN), stats);
        ClinicClient physician = api.withTokens(AccessTokens.fixed(StandInClinic.PHYSICIAN_TOKEN));
        PatientJourney journey = new PatientJourney(
                api, site -> physician, new SplittableRandom(seed), rates, stats, new DemoTime(clinic.clock(), 1), 1);
        for (int steps = 0; steps < 5_000; steps++) {
            Duration next = journey.step();
            if (next == null) {
                assertThat(stats.summary()).doesNotContain("abandoned");
                return;
            }
            clinic.advance(next);
        }
        throw new AssertionError("the journey did not end: " + journey.stage() + ", " + stats.summary());
    }

    private void fresh() {
        clinic.close();
        clinic = new StandInClinic();
        stats = new DemoStats();
    }

    private void assertNothingRefused() {
        assertThat(stats.refusalSummary()).as("refused changes").isEmpty();
    }
}
