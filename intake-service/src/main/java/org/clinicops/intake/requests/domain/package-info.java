/** The consultation request aggregate and its status rules. */
@NullMarked
package org.clinicops.intake.requests.domain;

import org.jspecify.annotations.NullMarked;
