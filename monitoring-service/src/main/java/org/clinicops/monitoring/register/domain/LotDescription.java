package org.clinicops.monitoring.register.domain;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.InvalidRequestException.FieldError;
import org.jspecify.annotations.Nullable;

/**
 * What a lot is: product, National Drug Code, the manufacturer's lot number, expiry date and
 * strength (a vial's concentration and volume, or a device's milligrams), from which the
 * milligrams per unit follow.
 *
 * @param concentrationMgPerMl for vials, else null
 * @param volumeMlPerUnit for vials, else null
 * @param mgPerUnit milligrams in one vial (concentration × volume) or device
 */
public record LotDescription(
        Product product,
        String ndc,
        String lotNumber,
        LocalDate expiresOn,
        @Nullable BigDecimal concentrationMgPerMl,
        @Nullable BigDecimal volumeMlPerUnit,
        BigDecimal mgPerUnit) {

    /** 10-digit NDC in one of its labeler-product-package forms (4-4-2, 5-3-2, 5-4-1), or 5-4-2. */
    static final Pattern NDC = Pattern.compile("^(\\d{4}-\\d{4}-\\d{2}|\\d{5}-\\d{3}-\\d{2}|\\d{5}-\\d{4}-\\d{1,2})$");

    static final Pattern LOT_NUMBER = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9-]{0,39}$");

    /**
     * Checks and completes a description as a receipt gives it.
     *
     * @throws InvalidRequestException (400) naming every bad field
     */
    public static LotDescription of(
            Product product,
            @Nullable String ndc,
            @Nullable String lotNumber,
            @Nullable LocalDate expiresOn,
            @Nullable BigDecimal concentrationMgPerMl,
            @Nullable BigDecimal volumeMlPerUnit,
            @Nullable BigDecimal mgPerDevice) {
        List<FieldError> errors = new ArrayList<>();
        if (ndc == null || !NDC.matcher(ndc).matches()) {
            errors.add(new FieldError("ndc", "is not a National Drug Code such as 0409-2051-05"));
        }
        if (lotNumber == null || !LOT_NUMBER.matcher(lotNumber).matches()) {
            errors.add(new FieldError("lotNumber", "is 1-40 letters, digits or dashes"));
        }
        if (expiresOn == null) {
            errors.add(new FieldError("expiresOn", "is required"));
        }
        BigDecimal mgPerUnit = null;
        if (product.byConcentration()) {
            BigDecimal concentration = bounded(errors, "concentrationMgPerMl", concentrationMgPerMl, 2, "500");
            BigDecimal volume = bounded(errors, "volumeMlPerUnit", volumeMlPerUnit, 1, "100");
            if (mgPerDevice != null) {
                errors.add(new FieldError("mgPerDevice", "is for esketamine devices; vials take a concentration"));
            }
            if (concentration != null && volume != null) {
                mgPerUnit = concentration.multiply(volume);
                if (mgPerUnit.compareTo(Quantities.MAX_ENTRY_MG) > 0) {
                    errors.add(new FieldError("volumeMlPerUnit", "a vial holds at most 10000 mg"));
                }
            }
            concentrationMgPerMl = concentration;
            volumeMlPerUnit = volume;
        } else {
            mgPerUnit = bounded(errors, "mgPerDevice", mgPerDevice, 3, "1000");
            if (concentrationMgPerMl != null || volumeMlPerUnit != null) {
                errors.add(new FieldError("concentrationMgPerMl", "is for vials; devices take mgPerDevice"));
            }
            concentrationMgPerMl = null;
            volumeMlPerUnit = null;
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException(errors);
        }
        return new LotDescription(
                product,
                ndc,
                lotNumber,
                expiresOn,
                concentrationMgPerMl,
                volumeMlPerUnit,
                Quantities.mg(mgPerUnit.setScale(Quantities.SCALE, RoundingMode.UNNECESSARY)));
    }

    private static @Nullable BigDecimal bounded(
            List<FieldError> errors, String field, @Nullable BigDecimal value, int scale, String max) {
        if (value == null) {
            errors.add(new FieldError(field, "is required for this product"));
            return null;
        }
        if (value.signum() <= 0 || value.compareTo(new BigDecimal(max)) > 0) {
            errors.add(new FieldError(field, "must be more than 0 and at most " + max));
            return null;
        }
        if (value.stripTrailingZeros().scale() > scale) {
            errors.add(new FieldError(field, "has at most " + scale + " decimals"));
            return null;
        }
        return value.stripTrailingZeros().scale() < 0 ? value.setScale(0) : value.stripTrailingZeros();
    }

    /** Whether another receipt describes the same lot the same way (same strength and expiry). */
    public boolean sameAs(LotDescription other) {
        return product == other.product
                && ndc.equals(other.ndc)
                && lotNumber.equals(other.lotNumber)
                && expiresOn.equals(other.expiresOn)
                && mgPerUnit.compareTo(other.mgPerUnit) == 0;
    }

    /**
     * Whether the lot is past its expiry on {@code today} (the site's date). A lot is usable through
     * its expiry date.
     */
    public boolean expiredOn(LocalDate today) {
        return today.isAfter(expiresOn);
    }
}
