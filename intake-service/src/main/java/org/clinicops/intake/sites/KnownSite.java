package org.clinicops.intake.sites;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A site as intake knows it from site-updated (a read model, written by upsert). */
@Document("sites")
record KnownSite(@Id String id, String name, String timeZone, boolean active, Instant updatedAt) {}
