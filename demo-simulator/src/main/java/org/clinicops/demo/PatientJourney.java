package org.clinicops.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.random.RandomGenerator;
import org.clinicops.demo.ClinicClient.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * One synthetic patient's path through the clinic under the safety rules, each step at the business
 * time it is due on the demo clock ({@link DemoTime}): request (sometimes withdrawn before the
 * consultation); the consultation checked in inside its window and completed at its end, or
 * cancelled or missed as its {@link ConsultationPlan} says, the request then closed; screening after
 * it, then a clinician's decision with the protocol's dose; then each booked infusion session as its
 * {@link SessionPlan} says (check-in, start, vitals every 15 minutes, completion with the day's weight
 * and a dose within 10 % of the plan; sometimes a no-show, a late cancellation, a dangerous reading
 * whose alert a nurse closes, a serious adverse event that stops the infusion and holds the patient
 * until a clinician releases the hold); beside them the billing desk's steps ({@link PatientBilling}:
 * checkout, voids, assistance after issue). {@link #step()} does the next thing and says how long
 * (real time) to wait for the following one; {@code null} means the journey is over.
 */
final class PatientJourney {

    enum Stage {
        REQUEST,
        ASSISTANCE,
        /** The patient withdraws her request before the consultation. */
        WITHDRAWAL,
        CONSULTATION,
        /** The consultation was cancelled or missed: the coordinator closes the request later. */
        CLOSE_REQUEST,
        SCREENING,
        DECISION,
        SESSION,
        RUN_SESSION,
        HOLD_RELEASE,
        DONE
    }

    private static final Duration RETRY = Duration.ofSeconds(2);
    /** Completions the nurse tries, fixing what a refusal names, before a clinician reviews. */
    private static final int NURSE_ATTEMPTS = 4;

    private static final int MAX_WAITS = 60;
    /**
     * Polls for the consultation before a patient who withdraws does so from the waiting list instead
     * (scheduling books most requests within moments).
     */
    private static final int WITHDRAW_UNBOOKED_AFTER = 15;
    /** How long after a serious adverse event a clinician reviews and releases the hold (business time). */
    private static final Duration HOLD_REVIEW = Duration.ofHours(2);

    private final ClinicClient api;
    /** The patient's site's physician, signed in as herself: she decides whether to treat. */
    private final ClinicClient physician;

    private final RandomGenerator random;
    private final DemoRates rates;
    private final DemoStats stats;
    private final Clock clock;
    private final DemoTime time;
    private final DemoSites.Site site;
    private final String condition;
    private final long number;

    private Stage stage = Stage.REQUEST;
    private int waits;
    private @Nullable String requestId;
    private @Nullable String patientId;
    private @Nullable Instant requestedAt;
    /** Whether the patient withdraws her request before the consultation. */
    private boolean withdraws;
    /** What becomes of the consultation, decided when it is first seen booked. */
    private ConsultationPlan.@Nullable Course consultationCourse;
    /** When the withdrawal, cancellation, no-show or closing of the request is due. */
    private @Nullable Instant dueAt;
    /** The reason code of the withdrawal to come. */
    private String withdrawalReason = "PATIENT_CHOICE";
    /** The billing desk's steps for the patient, once she has an id. */
    private @Nullable PatientBilling billing;

    private int baselinePhq9;
    private int sessionsDone;
    private final int weightKg;
    private String protocol = "DEPRESSION_INDUCTION";
    private @Nullable BigDecimal mgPerKg;
    private @Nullable BigDecimal fixedMg;
    private final Deque<SessionPlan.Step> pending = new ArrayDeque<>();
    private @Nullable String sessionId;
    private @Nullable Instant sessionStart;
    private final List<String> alertsToClose = new ArrayList<>();
    private int completeAttempts;
    private @Nullable Instant releaseAt;
    private String stopReason = "ADVERSE_EVENT";
    /** Whether a serious adverse event of this session placed a clinical hold (released later). */
    private boolean held;
    /** Discharge checks the last refused completion named. */
    private List<String> failedChecks = List.of();
    /** Monitoring's ketamine register: drawn at the start, the rest wasted after the end (null: not used). */
    private @Nullable RegisterDesk register;
    /** The session the register drew for, until it ends. */
    private @Nullable String drawnFor;

    /**
     * A journey at a random demo site; {@code physicians} gives the calls of a site's physician (by site
     * id), {@code api} every other call.
     */
    PatientJourney(
            ClinicClient api,
            Function<String, ClinicClient> physicians,
            RandomGenerator random,
            DemoRates rates,
            DemoStats stats,
            DemoTime time,
            long number) {
        this.api = api;
        this.random = random;
        this.rates = rates;
        this.stats = stats;
        this.clock = time.clock();
        this.time = time;
        this.number = number;
        this.site = DemoSites.ALL.get(random.nextInt(DemoSites.ALL.size()));
        this.physician = Objects.requireNonNull(physicians.apply(site.id()), "no physician for site " + site.id());
        this.condition = SyntheticPatients.condition(random);
        this.weightKg = 55 + random.nextInt(55);
    }

    Stage stage() {
        return stage;
    }

    /** Keeps the ketamine register of the sessions: drawn when each starts, the rest wasted when it ends. */
    PatientJourney withRegister(RegisterDesk desk) {
        this.register = desk;
        return this;
    }

    /** Does the next step; returns the wait before the following one, or null when done. */
    @Nullable
    Duration step() {
        PatientBilling desk = billing;
        if (desk != null) {
            desk.doDue();
        }
        Duration next = switch (stage) {
            case REQUEST -> request();
            case ASSISTANCE -> assistance();
            case WITHDRAWAL -> withdrawal();
            case CONSULTATION -> consultation();
            case CLOSE_REQUEST -> closeRequest();
            case SCREENING -> screening();
            case DECISION -> decision();
            case SESSION -> session();
            case RUN_SESSION -> runSession();
            case HOLD_RELEASE -> releaseHold();
            case DONE -> null;
        };
        if (next == RETRY && ++waits > MAX_WAITS) {
            stats.count("journeys abandoned (" + stage.name().toLowerCase(Locale.ROOT) + ")");
            stage = Stage.DONE;
            next = null;
        }
        // the billing desk's steps still to come keep the journey going (their wait if sooner)
        return desk == null ? next : desk.sooner(next);
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
        requestedAt = time.now();
        billing = new PatientBilling(api, random, rates, stats, time, site.id(), created.text("patientId"), RETRY);
        stats.count("consultation requests");
        boolean asks = random.nextDouble() < rates.assistance();
        withdraws = random.nextDouble() < rates.withdrawal();
        return moveTo(asks ? Stage.ASSISTANCE : afterRequest(), RETRY);
    }

    /** What follows the request (and the assistance asked for with it). */
    private Stage afterRequest() {
        return withdraws ? Stage.WITHDRAWAL : Stage.CONSULTATION;
    }

    private Duration assistance() {
        if (!api.get("billing", "/api/patients/" + patientId + "/account").ok()) {
            return RETRY; // billing opens the account from consultation-requested
        }
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
            requireBilling().assistanceDecided();
            return moveTo(afterRequest(), RETRY);
        }
        return decided.status() == 404 ? RETRY : moveTo(afterRequest(), RETRY);
    }

    /**
     * The patient changed her mind: she withdraws her request, with a reason code, half-way to the
     * consultation's check-in ({@link ConsultationPlan#withdrawalAt}); intake raises
     * consultation-request-withdrawn and scheduling cancels the consultation. A request still waiting
     * for a time is withdrawn from the waiting list.
     */
    private Duration withdrawal() {
        Instant at = dueAt;
        if (at == null) {
            JsonNode consultation = firstAppointment("CONSULTATION", "SCHEDULED");
            if (consultation == null && waits < WITHDRAW_UNBOOKED_AFTER) {
                return RETRY; // scheduling books it from consultation-requested
            }
            at = consultation == null
                    ? time.now()
                    : ConsultationPlan.withdrawalAt(
                            Objects.requireNonNull(requestedAt),
                            Instant.parse(consultation.path("startsAt").asString()),
                            time.now());
            dueAt = at;
            withdrawalReason = ConsultationPlan.withdrawalReason(random);
            waits = 0;
        }
        if (time.now().isBefore(at)) {
            return time.until(at);
        }
        return withdraw("requests withdrawn");
    }

    /**
     * The request of a consultation that was cancelled or missed stays open at intake and waits again
     * (nothing books a second consultation for it): the coordinator, who could not book the patient
     * again, closes it {@link ConsultationPlan#CLOSED_AFTER_LOST} later with the withdrawal's code.
     */
    private Duration closeRequest() {
        Instant at = dueAt;
        if (at != null && time.now().isBefore(at)) {
            return time.until(at);
        }
        return withdraw("requests closed after a lost consultation");
    }

    private Duration withdraw(String counted) {
        Response withdrawn = api.post(
                "intake", "/api/consultation-requests/" + requestId + "/withdraw", Map.of("reason", withdrawalReason));
        if (withdrawn.ok()) {
            stats.count(counted);
            return moveTo(Stage.DONE, Duration.ZERO);
        }
        // unreachable: again; refused (tallied): nothing more to do for the request
        return withdrawn.status() == 0 || withdrawn.status() >= 500 ? RETRY : moveTo(Stage.DONE, Duration.ZERO);
    }

    /**
     * Checks the consultation in shortly before it starts (inside scheduling's window) and completes
     * it at its end; screening and the decision follow (intake allows them only after these).
     */
    private Duration consultation() {
        JsonNode consultation = firstAppointment("CONSULTATION", "SCHEDULED");
        if (consultation == null) {
            consultation = firstAppointment("CONSULTATION", "CHECKED_IN");
            if (consultation == null) {
                return RETRY; // not booked yet
            }
        }
        String id = consultation.path("id").asString();
        Instant startsAt = Instant.parse(consultation.path("startsAt").asString());
        Instant endsAt = Instant.parse(consultation.path("endsAt").asString(startsAt.toString()));
        if (consultation.path("status").asString().equals("SCHEDULED")) {
            ConsultationPlan.Course course = consultationCourse;
            if (course == null) {
                course = ConsultationPlan.course(rates, random.nextDouble());
                consultationCourse = course;
                dueAt = switch (course) {
                    case CANCELLED, CANCELLED_LATE ->
                        ConsultationPlan.cancellationAt(
                                startsAt, course == ConsultationPlan.Course.CANCELLED_LATE, time.now());
                    case NO_SHOW -> ConsultationPlan.noShowAt(startsAt);
                    case ATTENDED -> null;
                };
            }
            if (course != ConsultationPlan.Course.ATTENDED) {
                return loseConsultation(id, startsAt);
            }
            Instant checkInAt = startsAt.minus(ConsultationPlan.CHECK_IN_LEAD);
            if (time.now().isBefore(checkInAt)) {
                return time.until(checkInAt);
            }
            if (time.now().isAfter(startsAt.plus(SessionPlan.CHECK_IN_CLOSES_AFTER))) {
                // the demo fell behind and check-in has closed: the consultation is completed as it is
                stats.count("consultations not checked in (window missed)");
            } else if (api.post("scheduling", "/api/appointments/" + id + "/check-in", null)
                    .ok()) {
                stats.count("consultations checked in");
                waits = 0;
            } else {
                return RETRY;
            }
        }
        if (time.now().isBefore(endsAt)) {
            return time.until(endsAt);
        }
        Response completed = api.post("scheduling", "/api/appointments/" + id + "/complete", null);
        if (!completed.ok()) {
            return RETRY;
        }
        stats.count("consultations completed");
        return moveTo(Stage.SCREENING, RETRY);
    }

    /**
     * The consultation will not take place: the patient cancels it (two days ahead, or late), or
     * does not come and the site's physician, who waited for her, records the no-show once check-in has
     * closed. Either way the request is closed later ({@link #closeRequest()}).
     */
    private Duration loseConsultation(String id, Instant startsAt) {
        Instant at = Objects.requireNonNull(dueAt);
        ConsultationPlan.Course course = Objects.requireNonNull(consultationCourse);
        if (course != ConsultationPlan.Course.NO_SHOW && !time.now().isBefore(startsAt)) {
            // the demo fell behind and the start has passed: the patient who meant to cancel did not come
            course = ConsultationPlan.Course.NO_SHOW;
            consultationCourse = course;
            at = ConsultationPlan.noShowAt(startsAt);
            dueAt = at;
        }
        if (time.now().isBefore(at)) {
            return time.until(at);
        }
        Response lost = course == ConsultationPlan.Course.NO_SHOW
                ? physician.post("scheduling", "/api/appointments/" + id + "/no-show", null)
                : api.post(
                        "scheduling",
                        "/api/appointments/" + id + "/cancel",
                        Map.of("reason", random.nextInt(4) == 0 ? "ILLNESS" : "PATIENT_REQUEST"));
        if (lost.status() == 0 || lost.status() >= 500) {
            return RETRY;
        }
        if (lost.ok()) {
            stats.count(
                    course == ConsultationPlan.Course.NO_SHOW
                            ? "consultation no-shows"
                            : lost.body().path("late").asBoolean(false)
                                    ? "consultations cancelled (late)"
                                    : "consultations cancelled (in time)");
        }
        withdrawalReason = course == ConsultationPlan.Course.NO_SHOW ? "NO_RESPONSE" : "PATIENT_CHOICE";
        Instant closeAt = time.now().plus(ConsultationPlan.CLOSED_AFTER_LOST);
        dueAt = closeAt;
        return moveTo(Stage.CLOSE_REQUEST, time.until(closeAt));
    }

    private Duration screening() {
        if (!consultationAtIntake(false)) {
            return RETRY; // intake accepts screening from the consultation's check-in on
        }
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

    /**
     * Whether intake has learnt from scheduling that the consultation was checked in (or, with
     * {@code completed}, that it was completed): the order intake's rules ask for.
     */
    private boolean consultationAtIntake(boolean completed) {
        JsonNode consultation = api.get("intake", "/api/consultation-requests/" + requestId)
                .body()
                .path("consultation");
        String status = consultation.path("status").asString("");
        return completed
                ? status.equals("COMPLETED") || consultation.path("completed").asBoolean(false)
                : status.equals("CHECKED_IN") || status.equals("COMPLETED");
    }

    private Duration decision() {
        if (!consultationAtIntake(true)) {
            return RETRY; // intake accepts the decision once the consultation is completed
        }
        Response request = api.get("intake", "/api/consultation-requests/" + requestId);
        String eligibility = request.body()
                .path("screening")
                .path("eligibility")
                .asString(request.body().path("eligibility").asString(""));
        // intake records the signed-in physician as the deciding clinician: no clinicianId in the body
        Map<String, Object> body = new HashMap<>();
        if (eligibility.equals("INELIGIBLE")) {
            body.put("decision", random.nextBoolean() ? "DECLINED" : "REFERRED_OUT");
            body.put("reason", "CONTRAINDICATED");
        } else {
            body.put("decision", "ACCEPTED");
            protocol = SyntheticPatients.isPain(condition)
                    ? "PAIN_SERIES"
                    : random.nextDouble() < 0.1 ? "ESKETAMINE_INDUCTION" : "DEPRESSION_INDUCTION";
            body.put("protocol", protocol);
            if (protocol.equals("ESKETAMINE_INDUCTION")) {
                fixedMg = random.nextBoolean() ? new BigDecimal("56") : new BigDecimal("84");
                body.put("doseMg", fixedMg);
            } else {
                mgPerKg = new BigDecimal("0.5");
                body.put("doseMgPerKg", mgPerKg);
            }
            if (eligibility.equals("NEEDS_REVIEW")) {
                body.put("override", true);
                body.put("reason", "PHYSICIAN_REVIEWED");
            }
        }
        Response decided = physician.post("intake", "/api/consultation-requests/" + requestId + "/decision", body);
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

    /** Plans the next booked session, or ends the course when none is left. */
    private Duration session() {
        JsonNode next = firstAppointment("INFUSION", "SCHEDULED");
        if (next == null) {
            if (courseEnded()) {
                stats.count("courses finished");
                return moveTo(Stage.DONE, Duration.ZERO);
            }
            return RETRY; // the series is being booked, waits for capacity, or is held
        }
        sessionId = next.path("id").asString();
        Instant startsAt = Instant.parse(next.path("startsAt").asString());
        sessionStart = startsAt;
        double dice = random.nextDouble();
        SessionPlan.Course course = dice < rates.lateCancellation()
                ? SessionPlan.Course.LATE_CANCELLATION
                : dice < rates.lateCancellation() + rates.noShow()
                        ? SessionPlan.Course.NO_SHOW
                        : dice < rates.lateCancellation() + rates.noShow() + rates.seriousSideEffect()
                                ? SessionPlan.Course.SERIOUS_EVENT
                                : dice
                                                < rates.lateCancellation()
                                                        + rates.noShow()
                                                        + rates.seriousSideEffect()
                                                        + rates.stoppedEarly()
                                        ? SessionPlan.Course.STOPPED_EARLY
                                        : SessionPlan.Course.NORMAL;
        stopReason = switch (course) {
            case SERIOUS_EVENT -> random.nextInt(4) == 0 ? "TRANSFER" : "ADVERSE_EVENT";
            case STOPPED_EARLY -> random.nextBoolean() ? "PATIENT_REQUEST" : "EQUIPMENT";
            default -> "ADVERSE_EVENT";
        };
        pending.clear();
        pending.addAll(SessionPlan.steps(
                startsAt,
                SessionPlan.infusionMinutes(protocol),
                SessionPlan.observationMinutes(protocol),
                course,
                random.nextDouble() < rates.severeHypertension(),
                random.nextDouble() < rates.mildSideEffect()));
        alertsToClose.clear();
        completeAttempts = 0;
        held = false;
        failedChecks = List.of();
        return moveTo(Stage.RUN_SESSION, time.until(pending.getFirst().at()));
    }

    /** Does the session's next step once its business time has come. */
    private Duration runSession() {
        SessionPlan.Step step = pending.peekFirst();
        String id = sessionId;
        if (step == null || id == null) {
            return moveTo(Stage.SESSION, RETRY);
        }
        if (time.now().isBefore(step.at())) {
            return time.until(step.at());
        }
        boolean done = switch (step.kind()) {
            case LATE_CANCEL -> {
                if (api.post("scheduling", "/api/appointments/" + id + "/cancel", Map.of("reason", "PATIENT_REQUEST"))
                        .ok()) {
                    stats.count("late cancellations");
                    requireBilling().visitEnded(); // the late-cancellation fee
                }
                yield true;
            }
            case NO_SHOW -> {
                if (api.post("scheduling", "/api/appointments/" + id + "/no-show", null)
                        .ok()) {
                    stats.count("no-shows");
                }
                requireBilling().visitEnded(); // the no-show fee, and what is still open
                yield true;
            }
            case CHECK_IN -> {
                Instant start = sessionStart;
                if (start != null && time.now().isAfter(start.plus(SessionPlan.CHECK_IN_CLOSES_AFTER))) {
                    // the demo fell behind and check-in has closed: the patient missed the session
                    stats.count("sessions missed (check-in window passed)");
                    pending.clear();
                    pending.add(step);
                    pending.add(new SessionPlan.Step(
                            SessionPlan.Kind.NO_SHOW,
                            Instant.ofEpochMilli(Math.max(
                                    time.now().toEpochMilli(),
                                    start.plus(SessionPlan.NO_SHOW_AFTER).toEpochMilli()))));
                    yield true;
                }
                yield api.post("scheduling", "/api/appointments/" + id + "/check-in", null)
                        .ok();
            }
            case START -> {
                boolean started = api.post("scheduling", "/api/appointments/" + id + "/start", null)
                        .ok();
                if (started && register != null) {
                    BigDecimal planned = Doses.planned(mgPerKg, fixedMg, BigDecimal.valueOf(weightKg));
                    drawnFor =
                            register.draw(site.id(), id, RegisterDesk.productOf(protocol), planned) == null ? null : id;
                }
                yield started;
            }
            case VITALS -> {
                chartVitals(id, false);
                yield true;
            }
            case SEVERE_VITALS -> {
                chartVitals(id, true);
                report(id, "ELEVATED_BLOOD_PRESSURE", 2, "OBSERVATION");
                yield true;
            }
            case MILD_EVENT -> {
                List<String> common =
                        List.of("NAUSEA_VOMITING", "DIZZINESS", "HEADACHE", "FATIGUE", "ANXIETY_RESTLESSNESS");
                report(id, common.get(random.nextInt(common.size())), 1 + random.nextInt(2), "OBSERVATION");
                yield true;
            }
            case CLOSE_ALERTS -> {
                closeAlerts(id);
                yield true;
            }
            case SERIOUS_EVENT -> {
                Response reported = report(
                        id,
                        random.nextBoolean() ? "HALLUCINATIONS" : "EXCESSIVE_DISSOCIATION",
                        3,
                        stopReason.equals("TRANSFER") ? "TRANSFERRED_TO_EMERGENCY" : "INFUSION_STOPPED");
                held = reported.ok()
                        && reported.body().path("clinicalHoldPlaced").asBoolean(false);
                yield true;
            }
            case STOP -> stop(id);
            case COMPLETE -> complete(id);
        };
        if (!done) {
            return RETRY;
        }
        pending.removeFirst();
        waits = 0;
        if ((step.kind() == SessionPlan.Kind.COMPLETE || step.kind() == SessionPlan.Kind.STOP)
                && register != null
                && id.equals(drawnFor)) {
            register.ended(site.id(), id); // the rest is wasted once monitoring has the dose given
            drawnFor = null;
        }
        if (step.kind() == SessionPlan.Kind.START) {
            // observation counts from the real start: a late start moves the rest of the plan
            sessionStart = time.now();
            List<SessionPlan.Step> rest = SessionPlan.delayed(List.copyOf(pending), step.at(), sessionStart);
            pending.clear();
            pending.addAll(rest);
        }
        if (step.kind() == SessionPlan.Kind.STOP && held) {
            releaseAt = time.now().plus(HOLD_REVIEW);
            return moveTo(Stage.HOLD_RELEASE, time.until(releaseAt));
        }
        SessionPlan.Step following = pending.peekFirst();
        return following == null ? moveTo(Stage.SESSION, RETRY) : time.until(following.at());
    }

    /**
     * The infusion stops early with the minutes given: after a serious adverse event (which also
     * holds the patient at monitoring) or a transfer, at the patient's request, or a pump failure.
     */
    private boolean stop(String id) {
        Instant started = sessionStart == null ? time.now() : sessionStart;
        int minutes = (int) Math.max(
                0,
                Math.min(
                        SessionPlan.infusionMinutes(protocol),
                        Duration.between(started, time.now()).toMinutes()));
        Response stopped = api.post(
                "scheduling",
                "/api/appointments/" + id + "/stop",
                Map.of("reason", stopReason, "infusionMinutes", minutes));
        if (stopped.ok()) {
            stats.count("infusions stopped (" + stopReason.toLowerCase(Locale.ROOT) + ")");
            requireBilling().visitEnded(); // what was given is charged
            return true;
        }
        return stopped.status() == 409 || stopped.status() == 400; // nothing to stop: go on
    }

    /**
     * Completes the session with the day's weight and a dose within 10 % of the plan, the escort there
     * and observation over. A refusal is answered the way the nurse would, by what it names: a fresh
     * reading for {@code NO_RECENT_VITALS} (monitoring's event not yet at scheduling), the open alerts
     * closed for {@code OPEN_ALERT}, more observation for {@code OBSERVATION_TOO_SHORT}. Only when a
     * check still fails after {@value #NURSE_ATTEMPTS} attempts does the clinician on duty review the
     * patient and override it, with a reason.
     */
    private boolean complete(String id) {
        BigDecimal dayWeight = BigDecimal.valueOf(weightKg)
                .add(BigDecimal.valueOf(random.nextInt(11) - 5).movePointLeft(1))
                .setScale(1, RoundingMode.HALF_EVEN);
        BigDecimal dose = Doses.given(Doses.planned(mgPerKg, fixedMg, dayWeight), random);
        Instant started = sessionStart == null ? time.now() : sessionStart;
        int infusion = SessionPlan.infusionMinutes(protocol);
        int observed = (int) Math.min(
                600, Math.max(0, Duration.between(started, time.now()).toMinutes() - infusion));
        int score = Math.max(0, (int)
                Math.round(baselinePhq9 * Math.pow(0.80 + random.nextDouble() * 0.25, sessionsDone + 1)));
        boolean pain = SyntheticPatients.isPain(condition);
        Map<String, Object> outcome = new HashMap<>();
        outcome.put("doseMg", dose);
        outcome.put("weightKg", dayWeight);
        outcome.put("infusionMinutes", infusion);
        outcome.put("observationMinutes", observed);
        outcome.put("symptomScale", pain ? "PAIN_NRS" : "PHQ9");
        outcome.put("symptomScore", pain ? Math.min(10, score / 2) : Math.min(27, score));
        outcome.put("dischargedWithEscort", true);
        completeAttempts++;
        boolean override = completeAttempts > NURSE_ATTEMPTS && !failedChecks.isEmpty();
        if (override) {
            outcome.put(
                    "override",
                    Map.of("reason", "Patient reviewed by the clinician on duty: stable, safe to discharge"));
        }
        Response completed = api.post("scheduling", "/api/appointments/" + id + "/complete", outcome);
        if (completed.ok()) {
            sessionsDone++;
            stats.count("sessions completed");
            if (override) {
                failedChecks.forEach(check -> stats.count("discharge checks a clinician overrode (" + check + ")"));
            }
            requireBilling().visitEnded();
            return true;
        }
        if (completed.status() == 409) {
            List<String> failed = new ArrayList<>();
            completed.body().path("failedChecks").forEach(check -> failed.add(check.asString()));
            if (failed.isEmpty()) {
                failed.add(completed.text("code"));
            }
            failedChecks = List.copyOf(failed);
            if (failed.contains("OPEN_ALERT")) {
                closeAlerts(id);
            }
            if (failed.contains("NO_RECENT_VITALS")) {
                chartVitals(id, false);
            }
            return false; // retried after RETRY
        }
        if (completed.status() == 0) {
            return false;
        }
        stats.count("completions refused (HTTP " + completed.status() + ")");
        return true;
    }

    /** A clinician reviews a clinical hold a few business hours after the event and releases it. */
    private Duration releaseHold() {
        Instant at = releaseAt;
        if (at != null && time.now().isBefore(at)) {
            return time.until(at);
        }
        Response released = api.post(
                "monitoring",
                "/api/patients/" + patientId + "/clinical-hold/release",
                Map.of("clinicianId", site.physicianIds().get(0), "reason", "Reviewed, safe to resume"));
        if (released.ok()) {
            stats.count("clinical holds released");
            return moveTo(Stage.SESSION, RETRY);
        }
        return released.status() == 409 || released.status() == 404 ? RETRY : moveTo(Stage.SESSION, RETRY);
    }

    /** One reading now; {@code severe} makes it a dangerous one (monitoring raises an alert). */
    private void chartVitals(String id, boolean severe) {
        int systolic = severe ? 204 + random.nextInt(10) : 112 + random.nextInt(30);
        int diastolic = severe ? 121 + random.nextInt(6) : 70 + random.nextInt(15);
        Map<String, Object> reading = new HashMap<>();
        reading.put("patientId", patientId);
        reading.put("siteId", site.id());
        reading.put("takenAt", time.now().minusSeconds(30).toString());
        reading.put("systolic", systolic);
        reading.put("diastolic", diastolic);
        reading.put("heartRate", 64 + random.nextInt(30));
        reading.put("spo2", 95 + random.nextInt(5));
        reading.put("respiratoryRate", 12 + random.nextInt(6));
        Response charted = api.post("monitoring", "/api/sessions/" + id + "/vitals", reading);
        if (charted.ok()) {
            stats.count("vitals readings");
            for (JsonNode alert : charted.body().path("alertsRaised")) {
                alertsToClose.add(alert.path("alertId").asString());
                stats.count("vitals alerts raised");
            }
        }
    }

    /** The nurse closes the session's open alerts (those charted here and any monitoring lists). */
    private void closeAlerts(String id) {
        JsonNode open = api.get("monitoring", "/api/alerts?siteId=" + site.id() + "&open=true&size=100")
                .body()
                .path("content");
        for (JsonNode alert : open) {
            String alertId = alert.path("alertId").asString();
            if (id.equals(alert.path("sessionId").asString()) && !alertsToClose.contains(alertId)) {
                alertsToClose.add(alertId);
            }
        }
        alertsToClose.removeIf(alertId -> {
            Response closed = api.post("monitoring", "/api/alerts/" + alertId + "/close", null);
            if (closed.ok()) {
                stats.count("vitals alerts closed");
            }
            return closed.ok() || closed.status() == 409 || closed.status() == 404;
        });
    }

    private Response report(String sessionId, String category, int grade, String actionTaken) {
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
                        time.now().minus(Duration.ofMinutes(1)).toString(),
                        "actionTaken",
                        actionTaken,
                        "outcome",
                        grade >= 3 ? "RESOLVING" : "RESOLVED"));
        if (reported.ok()) {
            stats.count("adverse events (grade " + grade + ")");
        }
        return reported;
    }

    private PatientBilling requireBilling() {
        return Objects.requireNonNull(billing, "no patient yet");
    }

    /**
     * Whether the patient's course is over: infusions were booked and every one has ended (none is
     * booked, held, checked in or under way) and nothing of the patient waits for a time.
     */
    private boolean courseEnded() {
        JsonNode infusions = api.get(
                        "scheduling",
                        "/api/appointments?patientId=" + ClinicClient.query(patientId) + "&type=INFUSION&size=50")
                .body()
                .path("content");
        if (!infusions.isArray() || infusions.isEmpty()) {
            return false;
        }
        for (JsonNode infusion : infusions) {
            if (List.of("SCHEDULED", "ON_HOLD", "CHECKED_IN", "IN_PROGRESS")
                    .contains(infusion.path("status").asString())) {
                return false;
            }
        }
        JsonNode waiting =
                api.get("scheduling", "/api/waiting-list?siteId=" + site.id()).body();
        for (JsonNode entry : waiting) {
            if (entry.path("patientId").asString().equals(patientId)) {
                return false;
            }
        }
        return true;
    }

    private @Nullable JsonNode firstAppointment(String type, @Nullable String status) {
        String path = "/api/appointments?patientId=" + ClinicClient.query(patientId) + "&type=" + type
                + (status == null ? "" : "&status=" + status) + "&sort=startsAt,asc&size=1";
        JsonNode content = api.get("scheduling", path).body().path("content");
        return content.isArray() && !content.isEmpty() ? content.get(0) : null;
    }
}
