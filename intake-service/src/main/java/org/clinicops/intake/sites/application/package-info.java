/** Keeping the known sites up to date, and what requests and decisions ask of them. */
@NullMarked
package org.clinicops.intake.sites.application;

import org.jspecify.annotations.NullMarked;
