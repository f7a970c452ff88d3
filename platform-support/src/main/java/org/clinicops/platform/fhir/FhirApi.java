package org.clinicops.platform.fhir;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a controller of the FHIR API: its errors are answered as {@code OperationOutcome} ({@link
 * FhirErrorAdvice}) instead of problem details.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface FhirApi {}
