package org.clinicops.scheduling.sites.application;

/** In-process notice that a site's capacity may have grown, so waiting requests can be retried. */
public record SiteCapacityChanged(String siteId) {}
