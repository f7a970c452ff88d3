/** Consultation requests in MongoDB ({@code consultation_requests}), each with its outbox. */
@NullMarked
package org.clinicops.intake.requests.adapter.mongo;

import org.jspecify.annotations.NullMarked;
