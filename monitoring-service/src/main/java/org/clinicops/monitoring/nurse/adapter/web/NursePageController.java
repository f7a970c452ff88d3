package org.clinicops.monitoring.nurse.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.clinicops.monitoring.adverse.application.AdverseEventCodes;
import org.clinicops.monitoring.adverse.application.ReportAdverseEvent;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.clinicops.monitoring.indicators.application.SiteTimeZones;
import org.clinicops.monitoring.sessions.application.SessionQueries;
import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.clinicops.monitoring.vitals.application.AlertQueries;
import org.clinicops.monitoring.vitals.application.ChartVitals;
import org.clinicops.monitoring.vitals.application.ChartVitalsCommand;
import org.clinicops.monitoring.vitals.application.HandleAlert;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The page a nurse keeps open during a session: chart vitals, see alerts, report adverse events.
 * Only staff of the session's site open it or send its forms (a session booked or charted at another
 * site is refused with 403). The patient and site shown are the session's as monitoring knows it
 * from scheduling; the forms go through the same use cases, and so the same session gate, as the
 * API: a session monitoring does not know or that is closed for the write is refused with the reason
 * beside the form.
 */
@Controller
class NursePageController {

    private final ChartVitals chartVitals;
    private final HandleAlert handleAlert;
    private final AlertQueries alerts;
    private final ReportAdverseEvent reportAdverseEvent;
    private final SessionQueries booked;
    private final SiteTimeZones zones;
    private final Clock clock;
    private final SessionPage page;

    NursePageController(
            ChartVitals chartVitals,
            HandleAlert handleAlert,
            AlertQueries alerts,
            ReportAdverseEvent reportAdverseEvent,
            SessionQueries booked,
            SiteTimeZones zones,
            Clock clock,
            SessionPage page) {
        this.chartVitals = chartVitals;
        this.handleAlert = handleAlert;
        this.alerts = alerts;
        this.reportAdverseEvent = reportAdverseEvent;
        this.booked = booked;
        this.zones = zones;
        this.clock = clock;
        this.page = page;
    }

    /** A reading as shown in the table, in the site's time zone, with the values out of range. */
    record ReadingRow(String time, int systolic, int diastolic, int heartRate, int spo2, int respiratoryRate) {}

    record AlertRow(String alertId, String rule, String raisedAt, String status, boolean active, String values) {}

    record AdverseRow(String onset, String category, int grade, boolean serious, String actionTaken, String outcome) {}

    /** An option of a select: the code sent, and the words shown ({@code INFUSION_STOPPED}: "infusion stopped"). */
    record Choice(String value, String label) {

        static List<Choice> of(Enum<?>[] codes) {
            return Arrays.stream(codes)
                    .map(code -> new Choice(
                            code.name(), code.name().replace('_', ' ').toLowerCase(Locale.ROOT)))
                    .toList();
        }
    }

    @GetMapping("/sessions/{sessionId}")
    String page(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String sessionId,
            @RequestParam(required = false) @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String patientId,
            @RequestParam(required = false) @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            Model model) {
        InfusionSession known = booked.session(sessionId).orElse(null);
        SessionVitals session = alerts.session(sessionId).orElse(null);
        String site = requireSite(known, session, siteId);
        String patient = known != null ? known.patientId() : session != null ? session.patientId() : patientId;
        Audit.patient(patient);
        ZoneId zone = site == null || site.isBlank() ? ZoneOffset.UTC : zones.zoneOf(site);
        LocalDateTime now = LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES);
        VitalsForm vitals = new VitalsForm();
        vitals.setPatientId(patient);
        vitals.setSiteId(site);
        vitals.setTakenAt(now);
        AdverseEventForm adverse = new AdverseEventForm();
        adverse.setPatientId(patient);
        adverse.setSiteId(site);
        adverse.setOnsetAt(now);
        model.addAttribute("vitalsForm", vitals);
        model.addAttribute("adverseEventForm", adverse);
        return render(sessionId, patient, site, model);
    }

    @PostMapping("/sessions/{sessionId}/vitals")
    String chart(
            @PathVariable String sessionId,
            @Valid @ModelAttribute("vitalsForm") VitalsForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireSite(
                booked.session(sessionId).orElse(null),
                alerts.session(sessionId).orElse(null),
                form.getSiteId());
        Audit.patient(form.getPatientId());
        if (!errors.hasErrors()) {
            ZoneId zone = zones.zoneOf(Objects.requireNonNull(form.getSiteId()));
            try {
                var charted = chartVitals.handle(new ChartVitalsCommand(
                        sessionId,
                        Objects.requireNonNull(form.getPatientId()),
                        form.getSiteId(),
                        Objects.requireNonNull(form.getTakenAt()).atZone(zone).toInstant(),
                        Objects.requireNonNull(form.getSystolic()),
                        Objects.requireNonNull(form.getDiastolic()),
                        Objects.requireNonNull(form.getHeartRate()),
                        Objects.requireNonNull(form.getSpo2()),
                        Objects.requireNonNull(form.getRespiratoryRate())));
                redirect.addFlashAttribute(
                        "message",
                        charted.raised().isEmpty()
                                ? "Vitals charted."
                                : "Vitals charted. Alert raised: "
                                        + String.join(
                                                ", ",
                                                charted.raised().stream()
                                                        .map(a -> a.rule())
                                                        .toList()));
                return redirectTo(sessionId, form.getPatientId(), form.getSiteId());
            } catch (InvalidRequestException e) {
                e.errors().forEach(error -> errors.rejectValue(error.field(), "invalid", error.message()));
            } catch (ConflictException | NotFoundException e) {
                errors.reject("refused", SiteTimes.inZone(Objects.requireNonNullElse(e.getMessage(), "refused"), zone));
                response.setStatus(e instanceof NotFoundException ? 404 : 409);
            }
        }
        if (errors.hasFieldErrors()) {
            // the page again, with the errors beside the fields (an unknown code lists the allowed ones)
            response.setStatus(400);
        }
        AdverseEventForm adverse = new AdverseEventForm();
        adverse.setPatientId(form.getPatientId());
        adverse.setSiteId(form.getSiteId());
        model.addAttribute("adverseEventForm", adverse);
        return render(sessionId, form.getPatientId(), form.getSiteId(), model);
    }

    @PostMapping("/sessions/{sessionId}/adverse-events")
    String report(
            @PathVariable String sessionId,
            @Valid @ModelAttribute("adverseEventForm") AdverseEventForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        requireSite(
                booked.session(sessionId).orElse(null),
                alerts.session(sessionId).orElse(null),
                form.getSiteId());
        Audit.patient(form.getPatientId());
        if (!errors.hasErrors()) {
            ZoneId zone = zones.zoneOf(Objects.requireNonNull(form.getSiteId()));
            try {
                var reported = reportAdverseEvent.handle(AdverseEventCodes.command(
                        Objects.requireNonNull(form.getPatientId()),
                        form.getSiteId(),
                        sessionId,
                        Objects.requireNonNull(form.getCategory()),
                        Objects.requireNonNull(form.getGrade()),
                        Objects.requireNonNull(form.getOnsetAt()).atZone(zone).toInstant(),
                        Objects.requireNonNull(form.getActionTaken()),
                        Objects.requireNonNull(form.getOutcome())));
                redirect.addFlashAttribute(
                        "message",
                        reported.holdPlaced()
                                ? "Adverse event reported. The patient is now on clinical hold."
                                : "Adverse event reported.");
                return redirectTo(sessionId, form.getPatientId(), form.getSiteId());
            } catch (InvalidRequestException e) {
                e.errors().forEach(error -> errors.rejectValue(error.field(), "invalid", error.message()));
            } catch (ConflictException | NotFoundException e) {
                errors.reject("refused", SiteTimes.inZone(Objects.requireNonNullElse(e.getMessage(), "refused"), zone));
                response.setStatus(e instanceof NotFoundException ? 404 : 409);
            }
        }
        if (errors.hasFieldErrors()) {
            // the page again, with the errors beside the fields (an unknown code lists the allowed ones)
            response.setStatus(400);
        }
        VitalsForm vitals = new VitalsForm();
        vitals.setPatientId(form.getPatientId());
        vitals.setSiteId(form.getSiteId());
        model.addAttribute("vitalsForm", vitals);
        return render(sessionId, form.getPatientId(), form.getSiteId(), model);
    }

    @PostMapping("/sessions/{sessionId}/alerts/{alertId}/acknowledge")
    String acknowledge(@PathVariable String sessionId, @PathVariable String alertId, RedirectAttributes redirect) {
        // the signed-in member of staff acknowledges, not a name typed into the form
        String nurse = SiteAccess.currentUser().username();
        return onAlert(sessionId, redirect, () -> handleAlert.acknowledge(alertId, nurse), "Alert acknowledged.");
    }

    @PostMapping("/sessions/{sessionId}/alerts/{alertId}/close")
    String close(@PathVariable String sessionId, @PathVariable String alertId, RedirectAttributes redirect) {
        return onAlert(sessionId, redirect, () -> handleAlert.close(alertId), "Alert closed.");
    }

    private String onAlert(String sessionId, RedirectAttributes redirect, Runnable action, String done) {
        try {
            action.run();
            redirect.addFlashAttribute("message", done);
        } catch (ConflictException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/sessions/" + sessionId;
    }

    /**
     * The site whose data the page shows (the session's as booked, else as charted, else the one
     * asked for), after checking that it and the site asked for are the signed-in user's.
     */
    private static @Nullable String requireSite(
            @Nullable InfusionSession known, @Nullable SessionVitals session, @Nullable String requestedSite) {
        if (requestedSite != null && !requestedSite.isBlank()) {
            SiteAccess.require(requestedSite);
        }
        if (session != null) {
            SiteAccess.require(session.siteId());
        }
        if (known != null) {
            SiteAccess.require(known.siteId());
            return known.siteId();
        }
        return session != null ? session.siteId() : requestedSite;
    }

    private static String redirectTo(String sessionId, @Nullable String patientId, @Nullable String siteId) {
        return "redirect:/sessions/" + sessionId + "?patientId=" + (patientId == null ? "" : patientId) + "&siteId="
                + (siteId == null ? "" : siteId);
    }

    private String render(String sessionId, @Nullable String patientId, @Nullable String siteId, Model model) {
        return page.render(sessionId, patientId, siteId, model);
    }
}
