package org.clinicops.billing.openapi;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The problem-detail statuses an API operation can answer besides 401 (every API call needs a token)
 * and 413 (every operation with a body), which {@link ProblemResponses} adds by itself; e.g. {@code
 * @Problems({400, 403, 404, 409})}. Each is documented as {@code application/problem+json}.
 */
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface Problems {
    int[] value();
}
