/** A site as intake knows it, and which version of it wins. */
@NullMarked
package org.clinicops.intake.sites.domain;

import org.jspecify.annotations.NullMarked;
