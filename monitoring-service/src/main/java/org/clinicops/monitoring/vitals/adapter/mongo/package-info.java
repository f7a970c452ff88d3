/**
 * Session vitals in MongoDB ({@code session_vitals}, each with its outbox): the repository, and the
 * alert and reading queries that unwind the sessions' documents.
 */
@NullMarked
package org.clinicops.monitoring.vitals.adapter.mongo;

import org.jspecify.annotations.NullMarked;
