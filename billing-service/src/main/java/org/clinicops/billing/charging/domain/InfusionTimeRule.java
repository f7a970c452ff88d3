package org.clinicops.billing.charging.domain;

import java.util.ArrayList;
import java.util.List;

/**
 * Time-based IV codes: nothing for 0 minutes (no infusion was given); 96374 (IV push) from 1 to 15
 * minutes; 96365 for the first hour from 16 minutes;
 * one 96366 for each additional hour begun more than 30 minutes past the previous hour (91 minutes
 * → one, 151 minutes → two).
 */
public final class InfusionTimeRule {

    public static final String IV_PUSH = "96374";
    public static final String FIRST_HOUR = "96365";
    public static final String ADDITIONAL_HOUR = "96366";

    static final int MIN_INFUSION_MINUTES = 16;
    static final int FIRST_HOUR_MINUTES = 60;
    static final int BEYOND_HOUR_MINUTES = 30;

    public List<ChargeItem> codesFor(int infusionMinutes) {
        if (infusionMinutes < 0) {
            throw new IllegalArgumentException("infusion minutes must not be negative");
        }
        List<ChargeItem> items = new ArrayList<>();
        if (infusionMinutes == 0) {
            return items;
        }
        if (infusionMinutes < MIN_INFUSION_MINUTES) {
            items.add(new ChargeItem(IV_PUSH, 1));
            return items;
        }
        items.add(new ChargeItem(FIRST_HOUR, 1));
        int additional = additionalHours(infusionMinutes);
        if (additional > 0) {
            items.add(new ChargeItem(ADDITIONAL_HOUR, additional));
        }
        return items;
    }

    static int additionalHours(int infusionMinutes) {
        int firstBillable = FIRST_HOUR_MINUTES + BEYOND_HOUR_MINUTES + 1; // 91
        if (infusionMinutes < firstBillable) {
            return 0;
        }
        return (infusionMinutes - firstBillable) / 60 + 1;
    }
}
