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

/** The nurse page's daily count of a lot at close. */
public class CountForm {

    @NotBlank(message = "choose a lot")
    @Size(max = ApiBounds.MAX_ID_LENGTH, message = "is not a lot id")
    private @Nullable String lotId;

    @NotNull(message = "enter the milligrams counted")
    @DecimalMin(value = "0", message = "must not be negative")
    @DecimalMax(value = "10000000", message = "is more than a lot holds")
    @Digits(integer = 8, fraction = 3, message = "at most 3 decimals")
    private @Nullable BigDecimal countedMg;

    public @Nullable String getLotId() {
        return lotId;
    }

    public void setLotId(@Nullable String lotId) {
        this.lotId = lotId;
    }

    public @Nullable BigDecimal getCountedMg() {
        return countedMg;
    }

    public void setCountedMg(@Nullable BigDecimal countedMg) {
        this.countedMg = countedMg;
    }
}
