package org.clinicops.billing.staffdesk.adapter.web;

import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.validation.constraints.Size;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.clinicops.billing.apidocs.ApiBounds;
import org.clinicops.billing.sites.application.BillingSites;
import org.clinicops.billing.sites.domain.BillingSite;
import org.clinicops.billing.sites.domain.FeeItem;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;

/**
 * A site's fee schedule: read by billing staff, edited by ADMIN (see the access policy). Each row is
 * checked with Bean Validation and its errors are shown beside its fields; an empty row adds nothing.
 */
@Controller
class FeeSchedulePage {

    private final BillingSites sites;
    private final Validator validator;

    FeeSchedulePage(BillingSites sites, Validator validator) {
        this.sites = sites;
        this.validator = validator;
    }

    @GetMapping("/sites/{siteId}/fee-schedule")
    String feeSchedule(@PathVariable String siteId, Model model) {
        SiteAccess.require(siteId);
        BillingSite site = sites.get(siteId);
        List<FeeRow> rows =
                new ArrayList<>(site.feeSchedule().stream().map(FeeRow::of).toList());
        if (canEdit()) {
            rows.add(FeeRow.NEW); // a row to add a code
        }
        return page(site, rows, Map.of(), model);
    }

    @PostMapping("/sites/{siteId}/fee-schedule")
    String saveFeeSchedule(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @Valid FeeScheduleForm form,
            BindingResult tooManyRows,
            Model model,
            HttpServletResponse response) {
        SiteAccess.require(siteId);
        BillingSite site = sites.get(siteId);
        if (tooManyRows.hasErrors()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(site, List.of(), Map.of("schedule-form", message(tooManyRows)), model);
        }
        List<FeeRow> rows = form.rows();
        Map<String, String> errors = new LinkedHashMap<>();
        List<FeeItem> items = new ArrayList<>();
        for (int n = 0; n < rows.size(); n++) {
            FeeRow row = rows.get(n);
            if (row.empty()) {
                continue; // an empty row adds nothing
            }
            int index = n;
            validator.validate(row).forEach(v -> errors.putIfAbsent(v.getPropertyPath() + "-" + index, v.getMessage()));
            if (row.endsBeforeItStarts()) {
                errors.putIfAbsent("effectiveTo-" + n, "Must not be before the start date.");
            }
            if (errors.isEmpty()) {
                items.add(row.item());
            }
        }
        if (!errors.isEmpty()) {
            response.setStatus(HttpStatus.BAD_REQUEST.value());
            return page(site, rows, errors, model);
        }
        sites.replaceSchedule(siteId, items);
        return "redirect:/sites/" + siteId + "/fee-schedule?saved";
    }

    private static String message(BindingResult errors) {
        return String.valueOf(errors.getAllErrors().get(0).getDefaultMessage());
    }

    private String page(BillingSite site, List<FeeRow> rows, Map<String, String> errors, Model model) {
        model.addAttribute("site", site);
        model.addAttribute("rows", rows);
        model.addAttribute("errors", errors);
        // prices are changed by ADMIN (see the access policy); billing staff read them here
        model.addAttribute("canEdit", canEdit());
        return "desk/fee-schedule";
    }

    private static boolean canEdit() {
        return SiteAccess.currentUser().has(Role.ADMIN);
    }
}
