package org.clinicops.platform.testapp;

import static org.springframework.http.HttpMethod.GET;
import static org.springframework.http.HttpMethod.POST;

import java.util.List;
import java.util.Map;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** Endpoints of the test service that exercise the platform's security conventions. */
@RestController
class SecuredTicketEndpoints {

    /** Two charts at two sites: ids to site. */
    static final Map<String, String> CHARTS = Map.of("c-bos", "bos", "c-den", "den");

    @GetMapping("/api/charts/{id}")
    Map<String, String> chart(@PathVariable String id) {
        String site = CHARTS.get(id);
        if (site == null) {
            throw new NotFoundException("chart", id);
        }
        SiteAccess.require(site);
        Audit.patient("p_" + id);
        return Map.of("id", id, "siteId", site);
    }

    @GetMapping("/api/charts")
    List<String> charts(@RequestParam(required = false) String siteId) {
        var sites = SiteAccess.visibleSites(siteId);
        return CHARTS.entrySet().stream()
                .filter(chart ->
                        sites.map(visible -> visible.contains(chart.getValue())).orElse(true))
                .map(Map.Entry::getKey)
                .sorted()
                .toList();
    }

    @PostMapping("/api/charts/{id}/close")
    Map<String, String> close(@PathVariable String id) {
        return chart(id);
    }

    @PostMapping("/api/notes")
    Map<String, Integer> publicNote(@RequestBody Map<String, Object> note) {
        return Map.of("fields", note.size());
    }

    @GetMapping("/board")
    String board() {
        return "board";
    }

    @Configuration
    static class Policy {
        @Bean
        ApiAccessPolicy apiAccessPolicy() {
            return ApiAccessPolicy.builder()
                    .open(POST, "/api/notes")
                    .allow(GET, "/api/charts", Role.NURSE, Role.CLINICIAN, Role.OPERATOR)
                    .allow(GET, "/api/charts/**", Role.NURSE, Role.CLINICIAN)
                    .allow(POST, "/api/charts/{id}/close", Role.CLINICIAN)
                    .allow(GET, "/board", Role.CLINICIAN)
                    .build();
        }
    }
}
