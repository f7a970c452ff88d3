package org.clinicops.scheduling.apidocs;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * No longer read: platform-support's OpenAPI conventions document the problem responses of every
 * operation (404 for a path with an id, 409 for a write, 400, 401, 403, 413, 415 as they apply), and
 * an operation's own {@code @ApiResponse} wins. Kept only while the day board's controller, edited
 * elsewhere, still names it; remove it with its last use.
 *
 * @deprecated document an operation-specific answer with {@code @ApiResponse} instead
 */
@Deprecated
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface ProblemResponses {

    int[] value() default {};
}
