/** MongoDB storage of how each session ended. */
@NullMarked
package org.clinicops.billing.charging.adapter.mongo;

import org.jspecify.annotations.NullMarked;
