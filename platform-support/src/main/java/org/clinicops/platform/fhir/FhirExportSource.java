package org.clinicops.platform.fhir;

import java.util.function.Consumer;
import org.hl7.fhir.r4.model.Resource;

/**
 * One resource type's part of the service's bulk export ({@code GET /fhir/r4/$export} and {@code
 * /fhir/r4/Patient/$export}): declared as a bean beside the controller that reads the same type, it
 * writes every resource of that type the export's scope covers. A type may have several sources (an
 * {@code Observation} of scores and one of vital signs); their resources go to the same file.
 *
 * <p>A source applies the same rules as the type's read: only the scope's sites, and identity fields
 * only where {@link FhirExportScope#identity()} allows them. It reads in pages and hands over each
 * resource as it goes, so an export of any size runs in bounded memory.
 */
public interface FhirExportSource {

    /** The FHIR type it writes ({@code Patient}, {@code Observation}). */
    String type();

    /**
     * Whether the type is about one patient (in the Patient compartment): {@code Patient/$export}
     * writes only these; a system export writes every source.
     */
    default boolean patientCompartment() {
        return true;
    }

    /**
     * Writes the resources in the scope, each with {@code meta.lastUpdated} set.
     *
     * @param scope the sites, {@code _since} and the export's transaction time
     * @param out takes each resource; it may block while the file is written
     */
    void export(FhirExportScope scope, Consumer<Resource> out);
}
