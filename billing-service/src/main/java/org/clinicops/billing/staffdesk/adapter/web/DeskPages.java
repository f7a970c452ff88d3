package org.clinicops.billing.staffdesk.adapter.web;

import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.ResponseStatus;

/**
 * What every page of the staff desk shares: who is signed in (the page header), and the page shown
 * instead of another site's invoice, patient or fee schedule (403). Ordered first, so the platform's
 * problem details (JSON) answer the API and this answers the pages.
 */
@ControllerAdvice(basePackageClasses = DeskPages.class)
@Order(Ordered.HIGHEST_PRECEDENCE)
class DeskPages {

    /** Who is signed in, for the page header (null without a session, e.g. on an error page). */
    @ModelAttribute("signedIn")
    @Nullable
    StaffUser signedIn() {
        return SiteAccess.findCurrentUser().orElse(null);
    }

    /** Another site's invoice, patient or fee schedule: a page saying so, with status 403. */
    @ExceptionHandler(SiteAccess.SiteAccessDeniedException.class)
    @ResponseStatus(HttpStatus.FORBIDDEN)
    String notOneOfYourSites(Model model) {
        model.addAttribute("signedIn", signedIn());
        return "desk/denied";
    }
}
