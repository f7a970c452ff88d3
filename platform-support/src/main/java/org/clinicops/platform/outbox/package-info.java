/**
 * Transactional outbox kept inside the aggregate document: a state change and the events it causes
 * are written in one document write, and the relay publishes them afterwards.
 */
@NullMarked
package org.clinicops.platform.outbox;

import org.jspecify.annotations.NullMarked;
