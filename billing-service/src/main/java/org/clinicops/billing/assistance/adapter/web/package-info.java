/** The API of sliding-scale policies, assistance decisions and series packages. */
@NullMarked
package org.clinicops.billing.assistance.adapter.web;

import org.jspecify.annotations.NullMarked;
