package org.clinicops.monitoring.nurse.adapter.web;

import java.math.BigDecimal;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import org.clinicops.monitoring.register.application.RegisterProperties;
import org.clinicops.monitoring.register.application.RegisterQueries;
import org.clinicops.monitoring.register.application.WitnessedWastes;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.monitoring.register.domain.SessionAccount;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * The session's part of the controlled-substance register on the nurse page: the site's lots to draw
 * from, what the session drew, was given and wasted, the wastes waiting for their witness, and the
 * draw, waste and daily count forms.
 */
@Component
class SessionRegisterPanel {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);

    private final RegisterQueries register;
    private final WitnessedWastes witnessed;
    private final RegisterProperties properties;

    SessionRegisterPanel(RegisterQueries register, WitnessedWastes witnessed, RegisterProperties properties) {
        this.register = register;
        this.witnessed = witnessed;
        this.properties = properties;
    }

    /** A lot as a choice: id, and what the nurse reads (lot number, product, balance, expiry). */
    record LotChoice(String lotId, String label, boolean expired) {}

    record AccountView(
            BigDecimal drawnMg,
            @Nullable BigDecimal administeredMg,
            BigDecimal wastedMg,
            BigDecimal unaccountedMg,
            boolean reconciled) {}

    record PendingWaste(String requestId, String lot, String mg, String witness, String status, String at) {}

    void fill(Model model, String sessionId, @Nullable String siteId, ZoneId zone) {
        boolean shown = siteId != null && !siteId.isBlank() && SiteAccess.canAccess(siteId);
        model.addAttribute("registerShown", shown);
        if (!shown) {
            return;
        }
        var site = register.site(siteId);
        List<LotChoice> lots = site.lots().stream()
                .map(l -> new LotChoice(
                        l.lotId(),
                        l.description().lotNumber() + " · "
                                + l.description().product().name() + " · "
                                + l.balanceMg().stripTrailingZeros().toPlainString() + " mg · exp. "
                                + l.description().expiresOn(),
                        l.description().expiredOn(site.today())))
                .toList();
        model.addAttribute("registerLots", lots);
        SessionAccount account = register.account(sessionId);
        model.addAttribute(
                "registerAccount",
                new AccountView(
                        account.drawnMg(),
                        account.administeredMg(),
                        account.wastedMg(),
                        account.unaccountedMg(),
                        account.reconciled(properties.toleranceMg())));
        model.addAttribute(
                "pendingWastes",
                witnessed.ofSession(sessionId).stream()
                        .map(r -> new PendingWaste(
                                r.id(),
                                site.lots().stream()
                                        .filter(l -> l.lotId().equals(r.lotId()))
                                        .map(l -> l.description().lotNumber())
                                        .findFirst()
                                        .orElse(r.lotId()),
                                r.mg().stripTrailingZeros().toPlainString(),
                                r.witness(),
                                r.status().name(),
                                TIME.format(r.requestedAt().atZone(zone))))
                        .toList());
        if (!model.containsAttribute("drawForm")) {
            model.addAttribute("drawForm", new DrawForm());
        }
        if (!model.containsAttribute("wasteForm")) {
            model.addAttribute("wasteForm", new WasteForm());
        }
        if (!model.containsAttribute("countForm")) {
            model.addAttribute("countForm", new CountForm());
        }
    }

    static String lotNumber(LotLedger lot) {
        return lot.description().lotNumber();
    }
}
