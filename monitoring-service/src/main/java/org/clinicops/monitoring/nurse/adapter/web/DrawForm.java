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

/** The nurse page's form for ketamine drawn for the session. */
public class DrawForm {

    @NotBlank(message = "choose a lot")
    @Size(max = ApiBounds.MAX_ID_LENGTH, message = "is not a lot id")
    private @Nullable String lotId;

    @NotNull(message = "enter the milligrams")
    @DecimalMin(value = "0.001", message = "must be more than 0 mg")
    @DecimalMax(value = "10000", message = "must be at most 10000 mg (10 g)")
    @Digits(integer = 5, fraction = 3, message = "at most 3 decimals")
    private @Nullable BigDecimal mg;

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
}
