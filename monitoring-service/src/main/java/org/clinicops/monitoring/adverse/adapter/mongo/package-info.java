/**
 * Adverse events ({@code adverse_events}) and clinical holds ({@code clinical_holds}) in MongoDB, each
 * document with its outbox, and the queries that read them.
 */
@NullMarked
package org.clinicops.monitoring.adverse.adapter.mongo;

import org.jspecify.annotations.NullMarked;
