package org.clinicops.scheduling.booking.domain;

import java.util.List;
import org.clinicops.scheduling.sites.domain.SiteCalendar;

/** What the slot search needs to know of a site: calendar, chairs in service, physicians, nurses. */
public record SiteResources(
        String siteId, SiteCalendar calendar, List<String> chairIds, List<String> physicianIds, int nurses) {

    public SiteResources {
        chairIds = List.copyOf(chairIds);
        physicianIds = List.copyOf(physicianIds);
    }
}
