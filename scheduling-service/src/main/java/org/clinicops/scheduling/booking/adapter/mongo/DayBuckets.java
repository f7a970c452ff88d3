package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The naming rules of the day buckets: one document per scope and UTC day marking the cells reserved
 * in that scope on that day (one bit per resource and cell, {@link DayBits}), so the cells of a time window are read by {@code _id} and cost what the
 * window holds, not what the collection holds. Chairs and nurse capacity belong to one site: their
 * cells are marked in the site's bucket. Patients and clinicians can be at several sites: their cells
 * are listed in the resource's own bucket, so a search reads the site's bucket plus the buckets of
 * the patient and physicians it books, and no bucket carries cells its readers never ask about.
 */
final class DayBuckets {

    private DayBuckets() {}

    static String siteScope(String siteId) {
        return "site:" + siteId;
    }

    /** Chairs and nurse capacity tokens are per site: the site bucket lists them. */
    static boolean siteLocal(String resource) {
        return resource.startsWith("chair:") || resource.startsWith("nurse-capacity:");
    }

    /** The scope whose bucket lists a cell of this resource at this site. */
    static List<String> scopesOf(String resource, String siteId) {
        return siteLocal(resource) ? List.of(siteScope(siteId)) : List.of(resource);
    }

    static String id(String scope, LocalDate day) {
        return scope + "|" + day;
    }

    static LocalDate dayOf(Instant cell) {
        return LocalDate.ofInstant(cell, ZoneOffset.UTC);
    }

    /** The bucket ids of the scopes over the UTC days that [from, to) touches. */
    static List<String> ids(Collection<String> scopes, Instant from, Instant to) {
        Set<String> ids = new LinkedHashSet<>();
        LocalDate last = dayOf(to.minusNanos(1));
        for (LocalDate day = dayOf(from); !day.isAfter(last); day = day.plusDays(1)) {
            for (String scope : scopes) {
                ids.add(id(scope, day));
            }
        }
        return new ArrayList<>(ids);
    }

    /** The UTC day of a bucket id. */
    static LocalDate dayOfId(String bucketId) {
        return LocalDate.parse(bucketId.substring(bucketId.lastIndexOf('|') + 1));
    }

    /** The scope of a bucket id. */
    static String scopeOfId(String bucketId) {
        return bucketId.substring(0, bucketId.lastIndexOf('|'));
    }
}
