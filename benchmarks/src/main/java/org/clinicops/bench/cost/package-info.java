/**
 * {@code cost}: the CPU of every process of the platform and the MongoDB commands of every service
 * per unit of work (a consultation request, a completed session), the measures that carry over from
 * the local store to a real MongoDB.
 */
@NullMarked
package org.clinicops.bench.cost;

import org.jspecify.annotations.NullMarked;
