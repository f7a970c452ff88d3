/** Use cases of assistance: decide, replace a policy, sell and use series packages, apply them to invoices; ports to their storage. */
@NullMarked
package org.clinicops.billing.assistance.application;

import org.jspecify.annotations.NullMarked;
