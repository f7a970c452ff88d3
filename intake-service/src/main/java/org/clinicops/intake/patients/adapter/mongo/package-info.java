/** Patients in MongoDB, identity and contact details encrypted field by field. */
@NullMarked
package org.clinicops.intake.patients.adapter.mongo;

import org.jspecify.annotations.NullMarked;
