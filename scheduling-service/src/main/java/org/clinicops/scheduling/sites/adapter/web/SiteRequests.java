package org.clinicops.scheduling.sites.adapter.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.DayOfWeek;
import java.util.List;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** Request bodies of the sites API. */
final class SiteRequests {

    /** At most three opening intervals a day, every day of the week. */
    static final int MAX_OPENING_HOURS = 21;

    /** More clinicians than any clinic employs; a list beyond it is a mistake or an attack. */
    static final int MAX_CLINICIANS = 200;

    private SiteRequests() {}

    /**
     * A new site. {@code chairs} is a number ({@code 4}) or a list of chair names or {@code {id, name}}
     * objects; {@code openingHours} defaults to Monday-Friday 08:00-18:00; {@code currency} to USD.
     */
    record CreateSite(
            @NotBlank
            @Size(max = 40)
            @Pattern(regexp = "[a-z0-9][a-z0-9-]{1,39}", message = "must be a lower-case slug")
            String id,

            @NotBlank @Size(max = 120) String name,
            @NotBlank @Size(max = 64) String timeZone,

            @Schema(
                    description = "a number of chairs (0-200) or a list of up to 200 names or {id, name}",
                    oneOf = {Integer.class, String[].class})
            @Nullable
            JsonNode chairs,

            @Nullable @Valid @Size(max = MAX_OPENING_HOURS) List<@NotNull OpeningHoursEntry> openingHours,
            @Nullable @Valid @Size(max = MAX_CLINICIANS) List<@NotNull ClinicianEntry> clinicians,

            @Nullable @Size(max = 3) @Pattern(regexp = "[A-Z]{3}", message = "must be an ISO 4217 code")
            String currency) {}

    record OpeningHoursEntry(
            @NotNull DayOfWeek day,

            @NotBlank @Size(max = 5) @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]", message = "must be HH:mm")
            String opens,

            @NotBlank @Size(max = 5) @Pattern(regexp = "([01][0-9]|2[0-3]):[0-5][0-9]|24:00", message = "must be HH:mm")
            String closes) {}

    record ClinicianEntry(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be an id")
            String id,

            @NotBlank @Size(max = 120) String name,
            @NotNull ClinicianRole role) {}

    record ChangeOpeningHours(
            @NotNull @Valid @Size(max = MAX_OPENING_HOURS) List<@NotNull OpeningHoursEntry> openingHours) {}

    record ChangeClinicians(
            @NotNull @Valid @Size(max = MAX_CLINICIANS) List<@NotNull ClinicianEntry> clinicians) {}

    record AddChair(
            @NotBlank @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]{1,40}", message = "must be an id")
            String id,

            @Nullable @Size(max = 60) String name) {}

    record ChangeChair(@NotNull Boolean inService) {}

    record AddClosure(
            @NotBlank @Size(max = 10) @Pattern(regexp = "\\d{4}-\\d{2}-\\d{2}", message = "must be an ISO date")
            String date,

            @Nullable @Size(max = 60) String label) {}
}
