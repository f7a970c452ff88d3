package org.clinicops.monitoring.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem-detail statuses an operation can answer besides those every operation of its kind
 * gives (401 and 403 always; 400 with parameters or a body; 413 with a body), e.g. {@code
 * @ProblemResponses({404, 409})}. {@link ProblemResponsesCustomizer} writes them into the OpenAPI
 * description as {@code application/problem+json}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

    int[] value() default {};
}
