package org.clinicops.monitoring.adverse.domain;

import java.time.Instant;

/** A clinical hold not released yet: the serious adverse event that placed it, where and when. */
public record ActiveHold(String holdId, String adverseEventId, String siteId, int grade, Instant placedAt) {}
