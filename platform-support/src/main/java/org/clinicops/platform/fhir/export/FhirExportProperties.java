package org.clinicops.platform.fhir.export;

import java.time.Duration;
import org.clinicops.platform.audit.Audit;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the bulk export ({@code clinic.fhir.export.*}).
 *
 * @param retention how long a job and its files are kept after the kick-off, then swept
 * @param sweepInterval how often expired jobs and files are deleted and jobs whose runner stopped
 *     beating (a crash, another instance's crash) are marked failed
 * @param heartbeatInterval how often an instance marks the jobs it holds (queued or running) alive
 * @param staleAfter a queued or running job not marked alive for this long is failed
 * @param threads jobs run at once per instance
 * @param queue jobs waiting per instance; a kick-off beyond them is a 429
 * @param maxResourcesPerFile a file holds at most this many resources, then the next file starts
 * @param maxPatientsPerFile a file holds resources of at most this many patients, so the audit entry
 *     of its download names every one ({@link Audit#MAX_PATIENTS_PER_ENTRY} at most)
 */
@ConfigurationProperties("clinic.fhir.export")
public record FhirExportProperties(
        @DefaultValue("24h") Duration retention,
        @DefaultValue("5m") Duration sweepInterval,
        @DefaultValue("15s") Duration heartbeatInterval,
        @DefaultValue("2m") Duration staleAfter,
        @DefaultValue("2") int threads,
        @DefaultValue("8") int queue,
        @DefaultValue("10000") int maxResourcesPerFile,
        @DefaultValue("500") int maxPatientsPerFile) {

    public FhirExportProperties {
        if (threads < 1 || queue < 1 || maxResourcesPerFile < 1) {
            throw new IllegalArgumentException(
                    "clinic.fhir.export.threads, queue and max-resources-per-file must be at least 1");
        }
        if (maxPatientsPerFile < 1 || maxPatientsPerFile > Audit.MAX_PATIENTS_PER_ENTRY) {
            throw new IllegalArgumentException("clinic.fhir.export.max-patients-per-file must be 1.."
                    + Audit.MAX_PATIENTS_PER_ENTRY + " (what one audit entry records)");
        }
        if (staleAfter.compareTo(heartbeatInterval.multipliedBy(2)) < 0) {
            throw new IllegalArgumentException(
                    "clinic.fhir.export.stale-after must be at least twice the heartbeat-interval");
        }
    }
}
