package org.clinicops.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.random.RandomGenerator;
import org.clinicops.demo.ClinicClient.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One synthetic patient's path through the clinic, one API call per step: request, consultation,
 * screening, decision, then each infusion session (walk-in time, check-in, vitals, side effects,
 * completion) and the payment of its invoice. {@link #step()} does the next thing and says when to
 * come back; {@code null} means the journey is over.
 */
final class PatientJourney {

    enum Stage {
        REQUEST,
        ASSISTANCE,
        CONSULTATION,
        SCREENING,
        DECISION,
        SESSION,
        NO_SHOW,
        HOLD_RELEASE,
        DONE
    }

    private static final Duration RETRY = Duration.ofSeconds(2);
    private static final int MAX_WAITS = 60;

    private final ClinicClient api;
    private final RandomGenerator random;
    private final DemoRates rates;
    private final DemoStats stats;
    private final Clock clock;
    private final Duration sessionGap;
    private final DemoSites.Site site;
    private final String condition;
    private final long number;

    private Stage stage = Stage.REQUEST;
    private int waits;
    private @Nullable String requestId;
    private @Nullable String patientId;
    private @Nullable String noShowAppointment;
    private int baselinePhq9;
    private int sessionsDone;
    private final int weightKg;

    PatientJourney(
            ClinicClient api,
            RandomGenerator random,
            DemoRates rates,
            DemoStats stats,
            Clock clock,
            Duration sessionGap,
            long number) {
        this.api = api;
        this.random = random;
        this.rates = rates;
        this.stats = stats;
        this.clock = clock;
        this.sessionGap = sessionGap;
        this.number = number;
        this.site = DemoSites.ALL.get(random.nextInt(DemoSites.ALL.size()));
        this.condition = SyntheticPatients.condition(random);
        this.weightKg = 55 + random.nextInt(55);
    }

    Stage stage() {
        return stage;
    }

    /** Does the next step; returns the wait before the following one, or null when done. */
    @Nullable
    Duration step() {
        Duration next = switch (stage) {
            case REQUEST -> request();
            case ASSISTANCE -> assistance();
            case CONSULTATION -> consultation();
            case SCREENING -> screening();
            case DECISION -> decision();
            case SESSION -> session();
            case NO_SHOW -> noShow();
            case HOLD_RELEASE -> releaseHold();
            case DONE -> null;
        };
        if (next == RETRY && ++waits > MAX_WAITS) {
            stats.count("journeys abandoned (" + stage.name().toLowerCase(Locale.ROOT) + ")");
            stage = Stage.DONE;
            return null;
        }
        return next;
    }

    private Duration moveTo(Stage next, Duration after) {
        stage = next;
        waits = 0;
        return after;
    }

    private Duration request() {
        Response created = api.post(
                "intake",
                "/api/consultation-requests",
                Map.of(
                        "siteId", site.id(),
                        "patient", SyntheticPatients.patient(random, number),
                        "condition", condition,
                        "referralSource", SyntheticPatients.referralSource(random),
                        "payerType", SyntheticPatients.payerType(random)));
        if (!created.ok()) {
            return RETRY; // the site may not be known to intake yet
        }
        requestId = created.text("id");
        patientId = created.text("patientId");
        stats.count("consultation requests");
        return moveTo(random.nextDouble() < rates.assistance() ? Stage.ASSISTANCE : Stage.CONSULTATION, RETRY);
    }

    private Duration assistance() {
        int household = 1 + random.nextInt(5);
        int income = 14_000 + random.nextInt(60_000);
        LocalDate today = LocalDate.now(clock);
        Response decided = api.post(
                "billing",
                "/api/patients/" + patientId + "/assistance-decisions",
                Map.of(
                        "siteId", site.id(),
                        "householdSize", household,
                        "householdIncome", String.valueOf(income),
                        "effectiveFrom", today.minusDays(1).toString(),
                        "effectiveTo", today.plusYears(1).toString()));
        if (decided.ok()) {
            stats.count("assistance decisions");
            return moveTo(Stage.CONSULTATION, RETRY);
        }
        return decided.status() == 404 ? RETRY : moveTo(Stage.CONSULTATION, RETRY);
    }

    private Duration consultation() {
        JsonNode consultation = firstAppointment("CONSULTATION", "SCHEDULED");
        if (consultation == null) {
            return RETRY;
        }
        Response completed = api.post(
                "scheduling", "/api/appointments/" + consultation.path("id").asString() + "/complete", null);
        if (!completed.ok()) {
            return RETRY;
        }
        stats.count("consultations completed");
        return moveTo(Stage.SCREENING, RETRY);
    }

    private Duration screening() {
        boolean depression = !SyntheticPatients.isPain(condition);
        List<Integer> phq9 = new ArrayList<>();
        int target = depression ? 12 + random.nextInt(13) : 5 + random.nextInt(10);
        for (int i = 0; i < 9; i++) {
            phq9.add(0);
        }
        for (int left = target; left > 0; ) {
            int item = random.nextInt(8); // item 9 (self-harm) is set separately
            if (phq9.get(item) < 3) {
                phq9.set(item, phq9.get(item) + 1);
                left--;
            }
        }
        if (condition.equals("SUICIDAL_IDEATION") || random.nextDouble() < 0.05) {
            phq9.set(8, 1);
        }
        baselinePhq9 = phq9.stream().mapToInt(Integer::intValue).sum();
        Map<String, Object> body = new HashMap<>();
        body.put("phq9", phq9);
        body.put("weightKg", weightKg);
        body.put("medications", List.of("sertraline 100 mg"));
        body.put(
                "priorTrials",
                List.of(
                        Map.of("drug", "sertraline", "adequate", true, "relief", false),
                        Map.of("drug", "bupropion", "adequate", true, "relief", false)));
        if (SyntheticPatients.isPain(condition)) {
            body.put("painNrs", 5 + random.nextInt(5));
        }
        double p = random.nextDouble();
        if (p < rates.ineligible()) {
            body.put("contraindications", List.of("ACTIVE_PSYCHOSIS"));
        } else if (p < rates.ineligible() + rates.needsReview()) {
            body.put("contraindications", List.of("POORLY_CONTROLLED_HYPERTENSION"));
        } else {
            body.put("contraindications", List.of());
        }
        Response screened = api.post("intake", "/api/consultation-requests/" + requestId + "/screening", body);
        if (!screened.ok()) {
            return RETRY; // intake may not have seen consultation-scheduled yet
        }
        stats.count("screenings");
        return moveTo(Stage.DECISION, Duration.ofMillis(500));
    }

    private Duration decision() {
        Response request = api.get("intake", "/api/consultation-requests/" + requestId);
        String eligibility = request.body()
                .path("screening")
                .path("eligibility")
                .asString(request.body().path("eligibility").asString(""));
        Map<String, Object> body = new HashMap<>();
        body.put("clinicianId", site.physicianIds().get(0));
        if (eligibility.equals("INELIGIBLE")) {
            body.put("decision", random.nextBoolean() ? "DECLINED" : "REFERRED_OUT");
            body.put("reason", "CONTRAINDICATED");
        } else {
            body.put("decision", "ACCEPTED");
            body.put(
                    "protocol",
                    SyntheticPatients.isPain(condition)
                            ? "PAIN_SERIES"
                            : random.nextDouble() < 0.1 ? "ESKETAMINE_INDUCTION" : "DEPRESSION_INDUCTION");
            if (eligibility.equals("NEEDS_REVIEW")) {
                body.put("override", true);
                body.put("reason", "PHYSICIAN_REVIEWED");
            }
        }
        Response decided = api.post("intake", "/api/consultation-requests/" + requestId + "/decision", body);
        if (!decided.ok()) {
            return RETRY;
        }
        if (!"ACCEPTED".equals(body.get("decision"))) {
            stats.count("declined or referred out");
            return moveTo(Stage.DONE, Duration.ZERO);
        }
        stats.count("treatment plans approved");
        return moveTo(Stage.SESSION, RETRY);
    }

    private Duration session() {
        JsonNode onHold = firstAppointment("INFUSION", "ON_HOLD");
        if (onHold != null) {
            return moveTo(Stage.HOLD_RELEASE, sessionGap.multipliedBy(3));
        }
        JsonNode next = firstAppointment("INFUSION", "SCHEDULED");
        if (next == null) {
            if (sessionsDone > 0 && firstAppointment("INFUSION", null) != null) {
                stats.count("courses finished");
                return moveTo(Stage.DONE, Duration.ZERO);
            }
            return RETRY; // the series is being booked, or waits for capacity
        }
        String id = next.path("id").asString();
        double dice = random.nextDouble();
        if (dice < rates.lateCancellation()) {
            Instant soon = gridAfter(Duration.ofHours(3));
            if (reschedule(id, soon)
                    && api.post(
                                    "scheduling",
                                    "/api/appointments/" + id + "/cancel",
                                    Map.of("reason", "PATIENT_REQUEST"))
                            .ok()) {
                stats.count("late cancellations");
            }
            return sessionGap;
        }
        Instant startsAt = gridAfter(Duration.ofMinutes(1));
        if (!reschedule(id, startsAt)) {
            return RETRY;
        }
        if (dice < rates.lateCancellation() + rates.noShow()) {
            noShowAppointment = id;
            return moveTo(
                    Stage.NO_SHOW, Duration.between(clock.instant(), startsAt).plusSeconds(5));
        }
        if (!api.post("scheduling", "/api/appointments/" + id + "/check-in", null)
                        .ok()
                || !api.post("scheduling", "/api/appointments/" + id + "/start", null)
                        .ok()) {
            return RETRY;
        }
        chartVitals(id);
        boolean serious = reportSideEffects(id);
        int score = Math.max(0, (int)
                Math.round(baselinePhq9 * Math.pow(0.80 + random.nextDouble() * 0.25, ++sessionsDone)));
        Map<String, Object> outcome = new HashMap<>();
        outcome.put(
                "doseMg",
                BigDecimal.valueOf(weightKg).multiply(new BigDecimal("0.5")).setScale(1, RoundingMode.HALF_EVEN));
        outcome.put("infusionMinutes", SyntheticPatients.isPain(condition) ? 240 : 40);
        outcome.put("observationMinutes", SyntheticPatients.isPain(condition) ? 60 : 120);
        outcome.put("symptomScale", SyntheticPatients.isPain(condition) ? "PAIN_NRS" : "PHQ9");
        outcome.put(
                "symptomScore", SyntheticPatients.isPain(condition) ? Math.min(10, score / 2) : Math.min(27, score));
        outcome.put("dischargedWithEscort", true);
        if (api.post("scheduling", "/api/appointments/" + id + "/complete", outcome)
                .ok()) {
            stats.count("sessions completed");
        }
        payInvoices();
        return serious ? moveTo(Stage.HOLD_RELEASE, sessionGap.multipliedBy(3)) : sessionGap;
    }

    private Duration noShow() {
        if (noShowAppointment != null
                && api.post("scheduling", "/api/appointments/" + noShowAppointment + "/no-show", null)
                        .ok()) {
            stats.count("no-shows");
        }
        noShowAppointment = null;
        payInvoices();
        return moveTo(Stage.SESSION, sessionGap);
    }

    private Duration releaseHold() {
        Response released = api.post(
                "monitoring",
                "/api/patients/" + patientId + "/clinical-hold/release",
                Map.of("clinicianId", site.physicianIds().get(0), "reason", "Reviewed, safe to resume"));
        if (released.ok()) {
            stats.count("clinical holds released");
        }
        return moveTo(Stage.SESSION, sessionGap);
    }

    private void chartVitals(String sessionId) {
        Instant now = clock.instant();
        boolean severe = random.nextDouble() < rates.severeHypertension();
        for (int i = 0; i < 4; i++) {
            int systolic = 118 + random.nextInt(30) + (i == 2 ? 10 : 0);
            int diastolic = 72 + random.nextInt(15);
            if (severe && i == 2) {
                systolic = 204 + random.nextInt(10);
                diastolic = 121 + random.nextInt(6);
            }
            Map<String, Object> reading = new HashMap<>();
            reading.put("patientId", patientId);
            reading.put("siteId", site.id());
            reading.put("takenAt", now.minus(Duration.ofMinutes(15L * (3 - i))).toString());
            reading.put("systolic", systolic);
            reading.put("diastolic", diastolic);
            reading.put("heartRate", 68 + random.nextInt(30));
            reading.put("spo2", 95 + random.nextInt(5));
            reading.put("respiratoryRate", 12 + random.nextInt(6));
            if (api.post("monitoring", "/api/sessions/" + sessionId + "/vitals", reading)
                    .ok()) {
                stats.count("vitals readings");
            }
        }
        if (severe) {
            report(sessionId, "ELEVATED_BLOOD_PRESSURE", 2);
        }
    }

    /** Reports side effects; true when one was serious (grade 3: clinical hold). */
    private boolean reportSideEffects(String sessionId) {
        double p = random.nextDouble();
        if (p < rates.seriousSideEffect()) {
            report(sessionId, random.nextBoolean() ? "HALLUCINATIONS" : "EXCESSIVE_DISSOCIATION", 3);
            return true;
        }
        if (p < rates.seriousSideEffect() + rates.mildSideEffect()) {
            List<String> common =
                    List.of("NAUSEA_VOMITING", "DIZZINESS", "HEADACHE", "FATIGUE", "ANXIETY_RESTLESSNESS");
            report(sessionId, common.get(random.nextInt(common.size())), 1 + random.nextInt(2));
        }
        return false;
    }

    private void report(String sessionId, String category, int grade) {
        Response reported = api.post(
                "monitoring",
                "/api/adverse-events",
                Map.of(
                        "patientId",
                        patientId,
                        "siteId",
                        site.id(),
                        "sessionId",
                        sessionId,
                        "category",
                        category,
                        "grade",
                        grade,
                        "onsetAt",
                        clock.instant().minus(Duration.ofMinutes(10)).toString(),
                        "actionTaken",
                        grade >= 3 ? "INFUSION_STOPPED" : "OBSERVATION",
                        "outcome",
                        grade >= 3 ? "RESOLVING" : "RESOLVED"));
        if (reported.ok()) {
            stats.count("adverse events (grade " + grade + ")");
        }
    }

    private void payInvoices() {
        Response invoices = api.get(
                "billing", "/api/invoices?patientId=" + ClinicClient.query(patientId) + "&status=ISSUED&size=20");
        for (JsonNode invoice : invoices.body().path("content")) {
            BigDecimal balance = new BigDecimal(invoice.path("balance").asString("0"));
            if (balance.signum() <= 0) {
                continue;
            }
            double p = random.nextDouble();
            BigDecimal amount = p < rates.paysInFull()
                    ? balance
                    : p < rates.paysInFull() + 0.1
                            ? balance.divide(BigDecimal.valueOf(2), 2, RoundingMode.HALF_EVEN)
                            : null;
            if (amount != null
                    && api.post(
                                    "billing",
                                    "/api/invoices/" + invoice.path("id").asString() + "/payments",
                                    Map.of(
                                            "amount",
                                            amount.toPlainString(),
                                            "method",
                                            random.nextDouble() < 0.85 ? "CARD" : "CASH"))
                            .ok()) {
                stats.count("payments");
            }
        }
    }

    private boolean reschedule(String appointmentId, Instant startsAt) {
        Response moved = api.post(
                "scheduling",
                "/api/appointments/" + appointmentId + "/reschedule",
                Map.of("startsAt", startsAt.toString()));
        if (moved.ok()) {
            return true;
        }
        JsonNode alternatives = moved.body().path("alternatives");
        if (moved.status() == 409 && alternatives.isArray() && !alternatives.isEmpty()) {
            JsonNode first = alternatives.get(0);
            String at = first.isObject() ? first.path("startsAt").asString() : first.asString();
            if (!at.isBlank() && Instant.parse(at).isBefore(clock.instant().plus(Duration.ofHours(4)))) {
                return api.post(
                                "scheduling",
                                "/api/appointments/" + appointmentId + "/reschedule",
                                Map.of("startsAt", at))
                        .ok();
            }
        }
        return false;
    }

    private @Nullable JsonNode firstAppointment(String type, @Nullable String status) {
        String path = "/api/appointments?patientId=" + ClinicClient.query(patientId) + "&type=" + type
                + (status == null ? "" : "&status=" + status) + "&sort=startsAt,asc&size=1";
        JsonNode content = api.get("scheduling", path).body().path("content");
        return content.isArray() && !content.isEmpty() ? content.get(0) : null;
    }

    /** The next quarter hour at least {@code lead} from now (appointments start on a grid). */
    private Instant gridAfter(Duration lead) {
        Instant earliest = clock.instant().plus(lead);
        Instant hour = earliest.truncatedTo(ChronoUnit.HOURS);
        long minutes = Duration.between(hour, earliest).toMinutes();
        return hour.plus(Duration.ofMinutes(((minutes / 15) + 1) * 15))
                .atOffset(ZoneOffset.UTC)
                .toInstant();
    }
}
