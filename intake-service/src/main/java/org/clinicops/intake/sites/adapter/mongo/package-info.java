/** Known sites in MongoDB ({@code sites}). */
@NullMarked
package org.clinicops.intake.sites.adapter.mongo;

import org.jspecify.annotations.NullMarked;
