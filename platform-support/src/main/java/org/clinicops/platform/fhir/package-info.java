/**
 * The HL7 FHIR R4 read API every service serves under {@code /fhir/r4}: HAPI's R4 model and JSON
 * parser (never its servers), {@code application/fhir+json} answers, errors as {@code
 * OperationOutcome}, search {@code Bundle}s with paging links, and a {@code CapabilityStatement} built
 * from the resource types the service registers.
 */
@NullMarked
package org.clinicops.platform.fhir;

import org.jspecify.annotations.NullMarked;
