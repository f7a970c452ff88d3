package org.clinicops.intake.sites;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A site as intake knows it from site-updated (a read model, written by upsert).
 *
 * @param physicians the ids of the site's clinicians with the role PHYSICIAN; null in documents
 *     written before intake kept them, empty when the site names none
 */
@Document("sites")
record KnownSite(
        @Id String id,
        String name,
        String timeZone,
        boolean active,
        Instant updatedAt,
        @Nullable List<String> physicians) {}
