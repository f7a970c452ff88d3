package org.clinicops.monitoring.nurse.adapter.web;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDateTime;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.jspecify.annotations.Nullable;
import org.springframework.format.annotation.DateTimeFormat;

/** The adverse event form of the nurse page. */
public class AdverseEventForm {

    @NotBlank(message = "patient id is required")
    @Size(max = ApiBounds.MAX_ID_LENGTH, message = "is not a patient id")
    private @Nullable String patientId;

    @NotBlank(message = "site id is required")
    @Size(max = ApiBounds.MAX_ID_LENGTH, message = "is not a site id")
    private @Nullable String siteId;

    @NotBlank(message = "choose a category")
    @Size(max = ApiBounds.MAX_CODE_LENGTH, message = "is not a code")
    private @Nullable String category;

    @NotNull(message = "choose a CTCAE grade")
    @Min(value = 1, message = "grade is 1 to 5")
    @Max(value = 5, message = "grade is 1 to 5")
    private @Nullable Integer grade;

    @NotNull(message = "enter when it started")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private @Nullable LocalDateTime onsetAt;

    @NotBlank(message = "choose the action taken")
    @Size(max = ApiBounds.MAX_CODE_LENGTH, message = "is not a code")
    private @Nullable String actionTaken;

    @NotBlank(message = "choose the outcome")
    @Size(max = ApiBounds.MAX_CODE_LENGTH, message = "is not a code")
    private @Nullable String outcome;

    public @Nullable String getPatientId() {
        return patientId;
    }

    public void setPatientId(@Nullable String patientId) {
        this.patientId = patientId;
    }

    public @Nullable String getSiteId() {
        return siteId;
    }

    public void setSiteId(@Nullable String siteId) {
        this.siteId = siteId;
    }

    public @Nullable String getCategory() {
        return category;
    }

    public void setCategory(@Nullable String category) {
        this.category = category;
    }

    public @Nullable Integer getGrade() {
        return grade;
    }

    public void setGrade(@Nullable Integer grade) {
        this.grade = grade;
    }

    public @Nullable LocalDateTime getOnsetAt() {
        return onsetAt;
    }

    public void setOnsetAt(@Nullable LocalDateTime onsetAt) {
        this.onsetAt = onsetAt;
    }

    public @Nullable String getActionTaken() {
        return actionTaken;
    }

    public void setActionTaken(@Nullable String actionTaken) {
        this.actionTaken = actionTaken;
    }

    public @Nullable String getOutcome() {
        return outcome;
    }

    public void setOutcome(@Nullable String outcome) {
        this.outcome = outcome;
    }
}
