package org.clinicops.intake.sites.adapter.mongo;

import java.time.Instant;
import java.util.List;
import org.clinicops.intake.sites.domain.KnownSite;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A known site as stored in {@code sites}: the fields of {@link KnownSite}, the id as {@code _id}. */
@Document("sites")
record KnownSiteDocument(
        @Id String id,
        String name,
        String timeZone,
        boolean active,
        Instant updatedAt,
        @Nullable List<String> physicians) {

    static KnownSiteDocument of(KnownSite site) {
        return new KnownSiteDocument(
                site.id(), site.name(), site.timeZone(), site.active(), site.updatedAt(), site.physicians());
    }

    KnownSite toSite() {
        return new KnownSite(id, name, timeZone, active, updatedAt, physicians);
    }
}
