package org.clinicops.intake.screening.domain;

/** A scale total with its severity band. */
public record ScaleScore(int total, Band band) {}
