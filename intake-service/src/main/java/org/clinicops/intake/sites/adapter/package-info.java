/** Adapters of the known sites. */
@NullMarked
package org.clinicops.intake.sites.adapter;

import org.jspecify.annotations.NullMarked;
