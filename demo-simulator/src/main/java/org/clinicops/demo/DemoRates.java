package org.clinicops.demo;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;
import java.util.List;

/**
 * How often things happen, from ../shared/DOMAIN.md: about 5 % no-shows, a few late cancellations,
 * severe hypertension in roughly 1 in 100 sessions, side effects mostly mild (serious ones a little
 * more often than in life, 2 %, so that the demo shows stopped infusions and clinical holds). The
 * lifecycle steps that end something (a withdrawn request, a lost consultation, a voided or adjusted
 * invoice) come at small rates of their own; each rate is a share from 0 (never) to 1, and {@code
 * ./clinic demo --rate NAME=SHARE} changes one ({@link #with}).
 *
 * @param ineligible share of patients screened ineligible (a contraindication)
 * @param needsReview share needing physician review (accepted with an override)
 * @param noShow share of sessions the patient misses
 * @param lateCancellation share of sessions cancelled under 24 hours before the start
 * @param severeHypertension share of sessions with a reading above 200/120
 * @param mildSideEffect share of sessions with a grade 1-2 adverse event
 * @param seriousSideEffect share of sessions with a grade 3 adverse event (clinical hold)
 * @param stoppedEarly share of sessions stopped early without one (the patient asks, the pump fails)
 * @param assistance share of patients who ask for financial assistance
 * @param paysInFull share of invoices paid in full at once
 * @param withdrawal share of requests the patient withdraws before the consultation
 * @param consultationCancellation share of consultations cancelled two days ahead (half-way to the
 *     start, and so late, when booked sooner)
 * @param consultationLateCancellation share of consultations cancelled under 24 hours before the start
 * @param consultationNoShow share of consultations the patient misses
 * @param invoiceVoid share of issued invoices voided (billing has no reissue)
 * @param assistanceAfterIssue share of self-pay invoices of a patient who did not ask for assistance
 *     at the request whose assistance is decided and applied after the invoice was issued
 */
record DemoRates(
        double ineligible,
        double needsReview,
        double noShow,
        double lateCancellation,
        double severeHypertension,
        double mildSideEffect,
        double seriousSideEffect,
        double stoppedEarly,
        double assistance,
        double paysInFull,
        double withdrawal,
        double consultationCancellation,
        double consultationLateCancellation,
        double consultationNoShow,
        double invoiceVoid,
        double assistanceAfterIssue) {

    DemoRates {
        double[] shares = {
            ineligible,
            needsReview,
            noShow,
            lateCancellation,
            severeHypertension,
            mildSideEffect,
            seriousSideEffect,
            stoppedEarly,
            assistance,
            paysInFull,
            withdrawal,
            consultationCancellation,
            consultationLateCancellation,
            consultationNoShow,
            invoiceVoid,
            assistanceAfterIssue
        };
        for (int i = 0; i < shares.length; i++) {
            if (!(shares[i] >= 0 && shares[i] <= 1)) {
                throw new IllegalArgumentException(
                        "rate " + names().get(i) + " must be a share from 0 to 1, not " + shares[i]);
            }
        }
        // each group is one roll of the dice: its shares cannot add up to more than everything
        atMostOne("ineligible + needsReview", ineligible + needsReview);
        atMostOne(
                "lateCancellation + noShow + seriousSideEffect + stoppedEarly",
                lateCancellation + noShow + seriousSideEffect + stoppedEarly);
        atMostOne(
                "consultationCancellation + consultationLateCancellation + consultationNoShow",
                consultationCancellation + consultationLateCancellation + consultationNoShow);
    }

    static DemoRates typical() {
        return new DemoRates(
                0.10, 0.10, 0.05, 0.03, 0.01, 0.12, 0.02, 0.02, 0.25, 0.80, 0.04, 0.02, 0.02, 0.04, 0.02, 0.05);
    }

    /** The rates' names, as {@code --rate} takes them, in order. */
    static List<String> names() {
        return Arrays.stream(DemoRates.class.getRecordComponents())
                .map(RecordComponent::getName)
                .toList();
    }

    /**
     * These rates with {@code name} set to {@code share}.
     *
     * @throws IllegalArgumentException for an unknown name, a share outside 0 to 1, or a group of
     *     shares that would add up to more than 1
     */
    DemoRates with(String name, double share) {
        RecordComponent[] components = DemoRates.class.getRecordComponents();
        int index = names().indexOf(name);
        if (index < 0) {
            throw new IllegalArgumentException("unknown rate " + name + " (one of " + String.join(", ", names()) + ")");
        }
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                values[i] = i == index ? share : components[i].getAccessor().invoke(this);
                types[i] = double.class;
            }
            return DemoRates.class.getDeclaredConstructor(types).newInstance(values);
        } catch (InvocationTargetException e) {
            if (e.getCause() instanceof IllegalArgumentException refused) {
                throw refused;
            }
            throw new IllegalStateException(e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void atMostOne(String group, double sum) {
        // a little slack for the sum of decimal fractions
        if (sum > 1 + 1e-9) {
            throw new IllegalArgumentException("rates " + group + " add up to " + sum + ", more than 1");
        }
    }
}
