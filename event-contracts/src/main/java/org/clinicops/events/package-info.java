/**
 * Version 1 of the Kafka event contracts exchanged by the ClinicOps services. Each event is a flat
 * record carrying ids and values only: never a patient's name, contact details, date of birth or
 * free text. Topic and type strings are fixed in {@link org.clinicops.events.EventType}.
 */
@NullMarked
package org.clinicops.events;

import org.jspecify.annotations.NullMarked;
