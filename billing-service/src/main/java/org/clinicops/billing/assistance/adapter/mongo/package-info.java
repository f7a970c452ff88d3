/** MongoDB storage of policies, decisions and series packages. */
@NullMarked
package org.clinicops.billing.assistance.adapter.mongo;

import org.jspecify.annotations.NullMarked;
