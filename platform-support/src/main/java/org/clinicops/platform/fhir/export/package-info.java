/**
 * FHIR Bulk Data export (Bulk Data Access v2, {@code $export}) of a service's {@link
 * org.clinicops.platform.fhir.FhirExportSource}s: the asynchronous kick-off, status and NDJSON file
 * endpoints, the jobs in the service's own MongoDB ({@code fhir_export_jobs}) and their files in
 * GridFS (bucket {@code fhir_export}), run on a small bounded executor and swept after the retention.
 */
@NullMarked
package org.clinicops.platform.fhir.export;

import org.jspecify.annotations.NullMarked;
