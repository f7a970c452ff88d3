package org.clinicops.monitoring.indicators.application;

import java.util.Optional;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;

/**
 * The durable copy of the indicator projection a rebuild produced. Events recorded after it are in
 * the fact log; on start the projection is this copy with the fact log folded in.
 */
public interface ProjectionStore {

    /** Replaces the stored projection with this one (atomically: a reader sees the old or the new). */
    void save(IndicatorProjection projection);

    Optional<IndicatorProjection> load(IndicatorPolicy policy);
}
