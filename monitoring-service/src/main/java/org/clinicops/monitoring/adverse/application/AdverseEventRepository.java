package org.clinicops.monitoring.adverse.application;

import org.clinicops.monitoring.adverse.domain.AdverseEvent;

/**
 * Stores adverse events; saving one stores its outbox in the same document write. They are read
 * through {@link SafetyQueries}.
 */
public interface AdverseEventRepository {

    AdverseEvent save(AdverseEvent event);
}
