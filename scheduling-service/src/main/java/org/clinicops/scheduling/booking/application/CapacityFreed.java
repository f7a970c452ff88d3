package org.clinicops.scheduling.booking.application;

/** In-process notice that time was freed at a site (cancellation, no-show, hold). */
public record CapacityFreed(String siteId) {}
