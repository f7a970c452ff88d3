package org.clinicops.scheduling.booking.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Clock;
import java.time.LocalDate;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.patients.PatientNameLookup;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.scheduling.apidocs.ApiBounds;
import org.clinicops.scheduling.apidocs.ProblemResponses;
import org.clinicops.scheduling.booking.application.SiteDay;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * Front desk: free times of a day as JSON, and the server-rendered day board, each for one of the
 * caller's sites only.
 */
@Controller
class FrontDeskController {

    private final SiteDay siteDay;
    private final SiteRepository sites;
    private final Clock clock;
    private final PatientNameLookup names;

    FrontDeskController(SiteDay siteDay, SiteRepository sites, Clock clock, PatientNameLookup names) {
        this.siteDay = siteDay;
        this.sites = sites;
        this.clock = clock;
        this.names = names;
    }

    @Operation(summary = "Free chair and physician times of a site's local date")
    @ProblemResponses({404})
    @GetMapping("/api/sites/{id}/availability")
    @ResponseBody
    SiteDay.Availability availability(
            @PathVariable @Parameter(schema = @Schema(maxLength = ApiBounds.MAX_ID_LENGTH)) String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date) {
        SiteAccess.require(id);
        return siteDay.availability(id, date == null ? today(id) : date);
    }

    @Operation(summary = "Day board of a site (HTML page)")
    @ProblemResponses({404})
    @GetMapping("/sites/{id}/board")
    String board(
            @PathVariable String id,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) @Nullable LocalDate date,
            Model model) {
        SiteAccess.require(id);
        LocalDate day = date == null ? today(id) : date;
        SiteDay.Board board = siteDay.board(id, day);
        // the board shows patients (by pseudonym): its audit entry names every one of them
        Audit.patients(board.patientIds());
        model.addAttribute("board", board);
        // names beside the pseudonyms, read from intake as the signed-in user in one call (never stored)
        model.addAttribute("names", names.namesOf(board.patientIds()));
        model.addAttribute("previous", day.minusDays(1));
        model.addAttribute("next", day.plusDays(1));
        return "board";
    }

    private LocalDate today(String siteId) {
        return sites.findById(siteId)
                .map(site -> clock.instant().atZone(site.zone()).toLocalDate())
                .orElseGet(() -> LocalDate.now(clock));
    }
}
