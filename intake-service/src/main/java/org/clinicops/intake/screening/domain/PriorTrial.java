package org.clinicops.intake.screening.domain;

/**
 * An earlier antidepressant trial.
 *
 * @param adequate given at an adequate dose for an adequate time
 * @param relief it brought relief
 */
public record PriorTrial(String drug, boolean adequate, boolean relief) {}
