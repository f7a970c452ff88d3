package org.clinicops.monitoring.nurse.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.Objects;
import java.util.function.Supplier;
import org.clinicops.monitoring.register.application.DrawForSession;
import org.clinicops.monitoring.register.application.RecordCount;
import org.clinicops.monitoring.register.application.WitnessedWastes;
import org.clinicops.monitoring.sessions.application.SessionQueries;
import org.clinicops.monitoring.sessions.domain.InfusionSession;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The nurse page's register forms: ketamine drawn for the session, a waste for a colleague to
 * witness (she confirms it on the register page, signed in herself), and the daily count of a lot.
 * They go through the API's use cases; a refusal shows beside the form with its status (400, 404,
 * 409) and writes nothing.
 */
@Controller
class SessionRegisterForms {

    private final DrawForSession draw;
    private final WitnessedWastes wastes;
    private final RecordCount count;
    private final SessionQueries sessions;
    private final SessionPage page;

    SessionRegisterForms(
            DrawForSession draw, WitnessedWastes wastes, RecordCount count, SessionQueries sessions, SessionPage page) {
        this.draw = draw;
        this.wastes = wastes;
        this.count = count;
        this.sessions = sessions;
        this.page = page;
    }

    @PostMapping("/sessions/{sessionId}/register/draw")
    String draw(
            @PathVariable String sessionId,
            @Valid @ModelAttribute("drawForm") DrawForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        InfusionSession session = session(sessionId);
        return send(session, errors, model, redirect, response, () -> {
            var entry = draw.handle(session.siteId(), sessionId, Objects.requireNonNull(form.getLotId()), form.getMg());
            return "Drawn: " + entry.mg().stripTrailingZeros().toPlainString() + " mg. Balance of the lot "
                    + entry.balanceAfterMg().stripTrailingZeros().toPlainString() + " mg.";
        });
    }

    @PostMapping("/sessions/{sessionId}/register/waste")
    String waste(
            @PathVariable String sessionId,
            @Valid @ModelAttribute("wasteForm") WasteForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        InfusionSession session = session(sessionId);
        return send(session, errors, model, redirect, response, () -> {
            boolean fromStock = Boolean.TRUE.equals(form.getFromStock());
            var request = wastes.ask(
                    session.siteId(),
                    fromStock ? null : sessionId,
                    Objects.requireNonNull(form.getLotId()),
                    form.getMg(),
                    form.getReason(),
                    Objects.requireNonNull(form.getWitness()));
            return "Waste of " + request.mg().stripTrailingZeros().toPlainString() + " mg waits for "
                    + request.witness() + " to confirm it, signed in, on the register page.";
        });
    }

    @PostMapping("/sessions/{sessionId}/register/count")
    String count(
            @PathVariable String sessionId,
            @Valid @ModelAttribute("countForm") CountForm form,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response) {
        InfusionSession session = session(sessionId);
        return send(session, errors, model, redirect, response, () -> {
            var counted = count.handle(session.siteId(), Objects.requireNonNull(form.getLotId()), form.getCountedMg());
            return counted.discrepancyId() == null
                    ? "Count recorded: it matches the register."
                    : "Count recorded. It differs from the register by "
                            + counted.entry()
                                    .unaccountedMg()
                                    .stripTrailingZeros()
                                    .toPlainString()
                            + " mg: a discrepancy is open for a clinician.";
        });
    }

    private InfusionSession session(String sessionId) {
        InfusionSession session =
                sessions.session(sessionId).orElseThrow(() -> new NotFoundException("session", sessionId));
        Audit.patient(session.patientId());
        SiteAccess.require(session.siteId());
        return session;
    }

    private String send(
            InfusionSession session,
            BindingResult errors,
            Model model,
            RedirectAttributes redirect,
            HttpServletResponse response,
            Supplier<String> action) {
        if (!errors.hasErrors()) {
            try {
                redirect.addFlashAttribute("message", action.get());
                return "redirect:/sessions/" + session.sessionId() + "?patientId=" + session.patientId() + "&siteId="
                        + session.siteId();
            } catch (InvalidRequestException e) {
                e.errors().forEach(error -> {
                    if (errors.getTarget() != null && hasField(errors, error.field())) {
                        errors.rejectValue(error.field(), "invalid", error.message());
                    } else {
                        errors.reject("invalid", error.field() + ": " + error.message());
                    }
                });
            } catch (ConflictException | NotFoundException e) {
                errors.reject("refused", Objects.requireNonNullElse(e.getMessage(), "refused"));
                response.setStatus(e instanceof NotFoundException ? 404 : 409);
            }
        }
        if (errors.hasFieldErrors() || response.getStatus() == 200) {
            response.setStatus(400);
        }
        return page.render(session.sessionId(), session.patientId(), session.siteId(), model);
    }

    private static boolean hasField(BindingResult errors, String field) {
        try {
            errors.getFieldType(field);
            return errors.getFieldType(field) != null;
        } catch (RuntimeException e) {
            return false;
        }
    }
}
