/** The request use cases' metrics in Micrometer. */
@NullMarked
package org.clinicops.intake.requests.adapter.metrics;

import org.jspecify.annotations.NullMarked;
