package org.clinicops.monitoring.nurse.adapter.web;

import java.time.Clock;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import org.clinicops.events.AdverseEventCategory;
import org.clinicops.monitoring.adverse.application.SafetyQueries;
import org.clinicops.monitoring.adverse.domain.ActionTaken;
import org.clinicops.monitoring.adverse.domain.AdverseEventOutcome;
import org.clinicops.monitoring.indicators.application.SiteTimeZones;
import org.clinicops.monitoring.sessions.application.SessionQueries;
import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.clinicops.monitoring.sessions.domain.SessionWrite;
import org.clinicops.monitoring.vitals.application.AlertQueries;
import org.clinicops.monitoring.vitals.domain.AlertStatus;
import org.clinicops.monitoring.vitals.domain.SessionVitals;
import org.clinicops.platform.patients.PatientNameLookup;
import org.clinicops.platform.patients.PatientNames;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * Fills the nurse page of a session (vitals, alerts, adverse events, holds and the session's part of
 * the controlled-substance register) for every handler that shows it, after a form was sent too.
 */
@Component
class SessionPage {

    // times are formatted in the site's zone (see render), never in the default zone or locale
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final AlertQueries alerts;
    private final SafetyQueries safety;
    private final SessionQueries booked;
    private final SiteTimeZones zones;
    private final Clock clock;
    private final PatientNameLookup names;
    private final SessionRegisterPanel registerPanel;

    SessionPage(
            AlertQueries alerts,
            SafetyQueries safety,
            SessionQueries booked,
            SiteTimeZones zones,
            Clock clock,
            PatientNameLookup names,
            SessionRegisterPanel registerPanel) {
        this.alerts = alerts;
        this.safety = safety;
        this.booked = booked;
        this.zones = zones;
        this.clock = clock;
        this.names = names;
        this.registerPanel = registerPanel;
    }

    String render(String sessionId, @Nullable String patientId, @Nullable String siteId, Model model) {
        // the forms a handler did not bind start empty, for this session's patient and site
        if (!model.containsAttribute("vitalsForm")) {
            VitalsForm vitals = new VitalsForm();
            vitals.setPatientId(patientId);
            vitals.setSiteId(siteId);
            model.addAttribute("vitalsForm", vitals);
        }
        if (!model.containsAttribute("adverseEventForm")) {
            AdverseEventForm adverse = new AdverseEventForm();
            adverse.setPatientId(patientId);
            adverse.setSiteId(siteId);
            model.addAttribute("adverseEventForm", adverse);
        }
        SessionVitals session = alerts.session(sessionId).orElse(null);
        InfusionSession known = booked.session(sessionId).orElse(null);
        ZoneId zone = siteId == null || siteId.isBlank() ? ZoneOffset.UTC : zones.zoneOf(siteId);
        // who is in the chair, read from intake as the nurse (never stored here); the pseudonym stays
        PatientNames patients = patientId == null ? PatientNames.none() : names.namesOf(List.of(patientId));
        model.addAttribute("patientName", patients.nameOf(patientId));
        model.addAttribute("namesNotice", patients.notice());
        model.addAttribute(
                "sessionNotice",
                known == null
                        ? "Monitoring does not know session " + sessionId
                                + ": vitals and adverse events are taken only for a session scheduling has booked."
                        : booked.refusal(known, SessionWrite.VITALS)
                                .map(r -> SiteTimes.inZone(r.message(), zone) + ".")
                                .orElse(null));
        model.addAttribute("sessionId", sessionId);
        model.addAttribute("patientId", patientId);
        model.addAttribute("siteId", siteId);
        model.addAttribute("zone", zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
        model.addAttribute("now", LocalDateTime.ofInstant(clock.instant(), zone).truncatedTo(ChronoUnit.MINUTES));
        List<NursePageController.ReadingRow> readings = session == null
                ? List.of()
                : session.readings().stream()
                        .map(r -> new NursePageController.ReadingRow(
                                TIME.format(r.takenAt().atZone(zone)),
                                r.systolic(),
                                r.diastolic(),
                                r.heartRate(),
                                r.spo2(),
                                r.respiratoryRate()))
                        .toList();
        model.addAttribute("readings", readings);
        model.addAttribute(
                "chart", session == null || session.readings().isEmpty() ? null : VitalsChart.of(session.readings()));
        List<NursePageController.AlertRow> alertRows = session == null
                ? List.of()
                : session.alerts().stream()
                        .sorted((a, b) -> b.raisedAt().compareTo(a.raisedAt()))
                        .map(a -> new NursePageController.AlertRow(
                                a.alertId(),
                                a.rule(),
                                TIME.format(a.raisedAt().atZone(zone)),
                                a.status().name(),
                                a.status() != AlertStatus.CLOSED,
                                a.reading().systolic() + "/" + a.reading().diastolic() + " mmHg, HR "
                                        + a.reading().heartRate() + ", SpO2 "
                                        + a.reading().spo2() + "%"))
                        .toList();
        model.addAttribute("alerts", alertRows);
        model.addAttribute(
                "activeAlerts",
                alertRows.stream().filter(NursePageController.AlertRow::active).count());
        model.addAttribute(
                "adverseEvents",
                safety.ofSession(sessionId).stream()
                        .filter(e -> SiteAccess.canAccess(e.siteId()))
                        .map(e -> new NursePageController.AdverseRow(
                                DATE_TIME.format(e.onsetAt().atZone(zone)),
                                e.category().name(),
                                e.grade(),
                                e.serious(),
                                e.actionTaken().name(),
                                e.outcome().name()))
                        .toList());
        // a hold placed at another site is shown (never its detail) for the patient of this site's
        // session: she must not be treated; a patient named only in the address sees the user's
        // sites' holds alone
        boolean patientOfTheSession = patientId != null
                && ((known != null && known.patientId().equals(patientId))
                        || (session != null && session.patientId().equals(patientId)));
        model.addAttribute(
                "onHold",
                patientId != null
                        && safety.holdOf(patientId)
                                .map(h -> patientOfTheSession
                                        ? h.active()
                                        : h.activeSites().stream().anyMatch(SiteAccess::canAccess))
                                .orElse(false));
        model.addAttribute("categories", NursePageController.Choice.of(AdverseEventCategory.values()));
        model.addAttribute("actions", NursePageController.Choice.of(ActionTaken.values()));
        model.addAttribute("outcomes", NursePageController.Choice.of(AdverseEventOutcome.values()));
        registerPanel.fill(model, sessionId, siteId, zone);
        return "nurse/session";
    }
}
