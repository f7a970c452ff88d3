/** The superbill download of the API. */
@NullMarked
package org.clinicops.billing.superbill.adapter.web;

import org.jspecify.annotations.NullMarked;
