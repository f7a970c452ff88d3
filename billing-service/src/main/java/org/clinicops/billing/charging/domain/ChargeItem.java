package org.clinicops.billing.charging.domain;

/** A code a rule bills, with its number of units; the site's fee schedule prices it. */
public record ChargeItem(String code, int units) {}
