package org.clinicops.monitoring.register.adapter.web;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.Supplier;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.clinicops.monitoring.register.application.RegisterQueries;
import org.clinicops.monitoring.register.application.ResolveDiscrepancy;
import org.clinicops.monitoring.register.application.WitnessedWastes;
import org.clinicops.monitoring.register.domain.Discrepancy;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.monitoring.register.domain.WitnessRequest;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The register page of a site: each lot's balance, the day's entries, the open discrepancies (a
 * clinician resolves them here) and the wastes waiting for their witness (the named witness,
 * signed in herself, confirms or declines them here). Operators find the reports here.
 */
@Controller
class RegisterPageController {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DATE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT);

    private final RegisterQueries queries;
    private final WitnessedWastes witnessed;
    private final ResolveDiscrepancy resolve;

    RegisterPageController(RegisterQueries queries, WitnessedWastes witnessed, ResolveDiscrepancy resolve) {
        this.queries = queries;
        this.witnessed = witnessed;
        this.resolve = resolve;
    }

    /** The resolution form of a discrepancy. */
    public static class ResolveForm {
        @NotBlank(message = "give the reason")
        @Size(max = LotLedger.MAX_REASON_LENGTH, message = "at most 500 characters")
        private @Nullable String reason;

        private boolean writeOff;

        public @Nullable String getReason() {
            return reason;
        }

        public void setReason(@Nullable String reason) {
            this.reason = reason;
        }

        public boolean isWriteOff() {
            return writeOff;
        }

        public void setWriteOff(boolean writeOff) {
            this.writeOff = writeOff;
        }
    }

    record LotRow(
            String lotId,
            String lotNumber,
            String product,
            String ndc,
            String expiresOn,
            boolean expired,
            String mgPerUnit,
            String balanceMg,
            String unitsOnHand,
            String unit,
            String lastCount) {}

    record EntryRow(
            String time,
            String kind,
            String lot,
            String patient,
            String mg,
            String change,
            String balanceAfter,
            String witness,
            String by) {}

    record DiscrepancyRow(
            String id,
            String kind,
            String subject,
            String expected,
            String counted,
            String unaccounted,
            String detected,
            boolean countDifference) {}

    record WitnessRow(
            String requestId,
            String asked,
            String lot,
            String session,
            String mg,
            String reason,
            String requestedBy,
            String witness,
            boolean mine) {}

    @GetMapping("/register/{siteId}")
    String page(@PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId, Model model) {
        return render(siteId, model);
    }

    @PostMapping("/register/{siteId}/witness/{requestId}/confirm")
    String confirm(@PathVariable String siteId, @PathVariable String requestId, RedirectAttributes redirect) {
        return act(siteId, redirect, () -> {
            Entry entry = witnessed.confirm(siteId, requestId);
            return "Waste of " + plain(entry.mg()) + " mg recorded, witnessed by " + entry.witness() + ".";
        });
    }

    @PostMapping("/register/{siteId}/witness/{requestId}/decline")
    String decline(@PathVariable String siteId, @PathVariable String requestId, RedirectAttributes redirect) {
        return act(siteId, redirect, () -> {
            witnessed.decline(siteId, requestId);
            return "You declined to witness this waste; nothing was recorded.";
        });
    }

    @PostMapping("/register/{siteId}/discrepancies/{discrepancyId}/resolve")
    String resolve(
            @PathVariable String siteId,
            @PathVariable String discrepancyId,
            @Valid @ModelAttribute("resolveForm") ResolveForm form,
            BindingResult errors,
            RedirectAttributes redirect) {
        if (errors.hasErrors()) {
            redirect.addFlashAttribute("error", "Give the reason for resolving the discrepancy.");
            return "redirect:/register/" + siteId;
        }
        return act(siteId, redirect, () -> {
            Discrepancy d =
                    resolve.handle(siteId, discrepancyId, Objects.requireNonNull(form.getReason()), form.isWriteOff());
            return d.adjustmentEntryId() == null
                    ? "Discrepancy resolved."
                    : "Discrepancy resolved; the difference was written off (entry " + d.adjustmentEntryId() + ").";
        });
    }

    private String act(String siteId, RedirectAttributes redirect, Supplier<String> action) {
        try {
            redirect.addFlashAttribute("message", action.get());
        } catch (ConflictException | InvalidRequestException | NotFoundException e) {
            redirect.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:/register/" + siteId;
    }

    private String render(String siteId, Model model) {
        StaffUser user = SiteAccess.require(siteId);
        Audit.object("register", siteId);
        var register = queries.site(siteId);
        ZoneId zone = register.zone();
        List<String> patients = new ArrayList<>();
        model.addAttribute("siteId", siteId);
        model.addAttribute("zone", zone.equals(ZoneOffset.UTC) ? "UTC" : zone.getId());
        model.addAttribute("today", register.today().toString());
        model.addAttribute("onHand", plain(register.onHandMg()));
        model.addAttribute(
                "lots",
                register.lots().stream()
                        .map(l -> {
                            var d = l.description();
                            return new LotRow(
                                    l.lotId(),
                                    d.lotNumber(),
                                    d.product().name(),
                                    d.ndc(),
                                    d.expiresOn().toString(),
                                    d.expiredOn(register.today()),
                                    plain(d.mgPerUnit()),
                                    plain(l.balanceMg()),
                                    l.unitsOnHand().toPlainString(),
                                    d.product().unit(),
                                    l.lastCountedAt() == null
                                            ? "never"
                                            : plain(Objects.requireNonNull(l.lastCountedMg())) + " mg, "
                                                    + DATE_TIME.format(
                                                            l.lastCountedAt().atZone(zone)));
                        })
                        .toList());
        List<EntryRow> entries = new ArrayList<>();
        for (Entry e : register.todaysEntries()) {
            if (e.patientId() != null) {
                patients.add(e.patientId());
            }
            entries.add(new EntryRow(
                    TIME.format(e.recordedAt().atZone(zone)),
                    e.kind().name(),
                    lotNumber(register.lots(), e.lotId()),
                    e.patientId() == null ? "" : e.patientId(),
                    plain(e.mg()),
                    plain(e.changeMg()),
                    plain(e.balanceAfterMg()),
                    e.witness() == null ? "" : e.witness(),
                    e.recordedBy()));
        }
        model.addAttribute("entries", entries);
        model.addAttribute(
                "discrepancies",
                register.openDiscrepancies().stream()
                        .map(d -> {
                            if (d.patientId() != null) {
                                patients.add(d.patientId());
                            }
                            return new DiscrepancyRow(
                                    d.id(),
                                    d.kind().name(),
                                    d.lotId() != null
                                            ? "lot " + lotNumber(register.lots(), d.lotId())
                                            : "session " + d.sessionId(),
                                    plain(d.expectedMg()),
                                    plain(d.countedMg()),
                                    plain(d.unaccountedMg()),
                                    DATE_TIME.format(d.detectedAt().atZone(zone)),
                                    d.lotId() != null);
                        })
                        .toList());
        List<WitnessRow> waiting = new ArrayList<>();
        for (WitnessRequest r : witnessed.pending(siteId)) {
            if (r.patientId() != null) {
                patients.add(r.patientId());
            }
            waiting.add(new WitnessRow(
                    r.id(),
                    DATE_TIME.format(r.requestedAt().atZone(zone)),
                    lotNumber(register.lots(), r.lotId()),
                    r.sessionId() == null ? "from stock" : r.sessionId(),
                    plain(r.mg()),
                    r.reason() == null ? "" : r.reason(),
                    r.requestedBy(),
                    r.witness(),
                    r.witness().equals(user.username())));
        }
        model.addAttribute("waiting", waiting);
        model.addAttribute("canResolve", user.hasAny(Role.CLINICIAN, Role.ADMIN));
        model.addAttribute("canReport", user.hasAny(Role.OPERATOR, Role.ADMIN));
        model.addAttribute("user", user.username());
        if (!model.containsAttribute("resolveForm")) {
            model.addAttribute("resolveForm", new ResolveForm());
        }
        Audit.patients(patients.stream().distinct().toList());
        return "register/site";
    }

    private static String lotNumber(List<LotLedger> lots, String lotId) {
        return lots.stream()
                .filter(l -> l.lotId().equals(lotId))
                .map(l -> l.description().lotNumber())
                .findFirst()
                .orElse(lotId);
    }

    private static String plain(BigDecimal mg) {
        return mg.stripTrailingZeros().scale() < 0
                ? mg.setScale(0).toPlainString()
                : mg.stripTrailingZeros().toPlainString();
    }
}
