/** Use cases on consultation requests. */
@NullMarked
package org.clinicops.intake.requests.application;

import org.jspecify.annotations.NullMarked;
