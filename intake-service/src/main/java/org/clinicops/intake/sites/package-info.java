/** Sites intake knows from site-updated; requests name one of them. */
@NullMarked
package org.clinicops.intake.sites;

import org.jspecify.annotations.NullMarked;
