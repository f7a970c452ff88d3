/**
 * How an aggregate changes, written once for every service: a status transition allowed only from
 * named states ({@link StatusGuard}, 409 {@code ILLEGAL_TRANSITION}) and a change that lost a race
 * to another writer ({@link ConcurrentChanges}: read again and retried a bounded number of times,
 * then 409 {@code CONCURRENT_UPDATE}).
 */
@NullMarked
package org.clinicops.platform.change;

import org.jspecify.annotations.NullMarked;
