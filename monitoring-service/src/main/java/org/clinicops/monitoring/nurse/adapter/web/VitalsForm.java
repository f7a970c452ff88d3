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

/** The vitals form of the nurse page (bound by Spring MVC, hence mutable and nullable). */
public class VitalsForm {

    @NotBlank(message = "patient id is required")
    @Size(max = ApiBounds.MAX_ID_LENGTH, message = "is not a patient id")
    private @Nullable String patientId;

    @NotBlank(message = "site id is required")
    @Size(max = ApiBounds.MAX_ID_LENGTH, message = "is not a site id")
    private @Nullable String siteId;

    @NotNull(message = "enter when the vitals were taken")
    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE_TIME)
    private @Nullable LocalDateTime takenAt;

    @NotNull(message = "enter the systolic pressure")
    @Min(value = 50, message = "must be between 50 and 300 mmHg")
    @Max(value = 300, message = "must be between 50 and 300 mmHg")
    private @Nullable Integer systolic;

    @NotNull(message = "enter the diastolic pressure")
    @Min(value = 20, message = "must be between 20 and 200 mmHg")
    @Max(value = 200, message = "must be between 20 and 200 mmHg")
    private @Nullable Integer diastolic;

    @NotNull(message = "enter the heart rate")
    @Min(value = 20, message = "must be between 20 and 250 bpm")
    @Max(value = 250, message = "must be between 20 and 250 bpm")
    private @Nullable Integer heartRate;

    @NotNull(message = "enter the oxygen saturation")
    @Min(value = 50, message = "must be between 50 and 100 %")
    @Max(value = 100, message = "must be between 50 and 100 %")
    private @Nullable Integer spo2;

    @NotNull(message = "enter the respiratory rate")
    @Min(value = 4, message = "must be between 4 and 60 breaths/min")
    @Max(value = 60, message = "must be between 4 and 60 breaths/min")
    private @Nullable Integer respiratoryRate;

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

    public @Nullable LocalDateTime getTakenAt() {
        return takenAt;
    }

    public void setTakenAt(@Nullable LocalDateTime takenAt) {
        this.takenAt = takenAt;
    }

    public @Nullable Integer getSystolic() {
        return systolic;
    }

    public void setSystolic(@Nullable Integer systolic) {
        this.systolic = systolic;
    }

    public @Nullable Integer getDiastolic() {
        return diastolic;
    }

    public void setDiastolic(@Nullable Integer diastolic) {
        this.diastolic = diastolic;
    }

    public @Nullable Integer getHeartRate() {
        return heartRate;
    }

    public void setHeartRate(@Nullable Integer heartRate) {
        this.heartRate = heartRate;
    }

    public @Nullable Integer getSpo2() {
        return spo2;
    }

    public void setSpo2(@Nullable Integer spo2) {
        this.spo2 = spo2;
    }

    public @Nullable Integer getRespiratoryRate() {
        return respiratoryRate;
    }

    public void setRespiratoryRate(@Nullable Integer respiratoryRate) {
        this.respiratoryRate = respiratoryRate;
    }
}
