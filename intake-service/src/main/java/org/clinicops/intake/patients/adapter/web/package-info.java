/** HTTP API of patient records, for intake staff. */
@NullMarked
package org.clinicops.intake.patients.adapter.web;

import org.jspecify.annotations.NullMarked;
