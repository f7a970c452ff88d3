package org.clinicops.monitoring.nurse.adapter.web;

import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.jspecify.annotations.Nullable;

/** The nurse page's form for a waste, which a named colleague then confirms signed in herself. */
public class WasteForm {

    @NotBlank(message = "choose a lot")
    @Size(max = ApiBounds.MAX_ID_LENGTH, message = "is not a lot id")
    private @Nullable String lotId;

    @NotNull(message = "enter the milligrams")
    @DecimalMin(value = "0.001", message = "must be more than 0 mg")
    @DecimalMax(value = "10000", message = "must be at most 10000 mg (10 g)")
    @Digits(integer = 5, fraction = 3, message = "at most 3 decimals")
    private @Nullable BigDecimal mg;

    @Size(max = 500, message = "at most 500 characters")
    private @Nullable String reason;

    @NotBlank(message = "name the nurse or clinician who witnesses it")
    @Size(max = ApiBounds.MAX_ID_LENGTH, message = "is not a user name")
    private @Nullable String witness;

    private @Nullable Boolean fromStock;

    public @Nullable String getLotId() {
        return lotId;
    }

    public void setLotId(@Nullable String lotId) {
        this.lotId = lotId;
    }

    public @Nullable BigDecimal getMg() {
        return mg;
    }

    public void setMg(@Nullable BigDecimal mg) {
        this.mg = mg;
    }

    public @Nullable String getReason() {
        return reason;
    }

    public void setReason(@Nullable String reason) {
        this.reason = reason;
    }

    public @Nullable String getWitness() {
        return witness;
    }

    public void setWitness(@Nullable String witness) {
        this.witness = witness;
    }

    public @Nullable Boolean getFromStock() {
        return fromStock;
    }

    public void setFromStock(@Nullable Boolean fromStock) {
        this.fromStock = fromStock;
    }
}
