package org.clinicops.intake.requests.application;

import java.util.Set;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.jspecify.annotations.Nullable;

/**
 * Which requests a list shows; a null part lets every request through.
 *
 * @param sites the sites to show; null for every site
 */
public record RequestFilter(
        @Nullable Set<String> sites,
        @Nullable RequestStatus status,
        @Nullable Boolean urgent) {}
