package org.clinicops.monitoring.indicators.application;

import java.util.Optional;
import org.clinicops.monitoring.indicators.domain.ClinicFacts;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;

/**
 * The durable copy of the indicator projection a rebuild produced. Events recorded after it are in
 * the fact log; on start the projection is this copy with the fact log folded in.
 */
public interface ProjectionStore {

    /** Replaces the stored projection with this one (atomically: a reader sees the old or the new). */
    void save(IndicatorProjection projection);

    /**
     * The stored projection; empty when none is stored or when it is {@link #outdated()} (an
     * outdated copy is never read: its figures would be misread).
     */
    Optional<IndicatorProjection> load(IndicatorPolicy policy);

    /**
     * Whether the stored copy was written in another format than {@link ClinicFacts#VERSION}
     * (by an older version of the service): it must be rebuilt from the topics.
     */
    boolean outdated();
}
