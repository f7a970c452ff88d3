/** Sliding-scale policy, poverty guideline and assistance decisions. */
@NullMarked
package org.clinicops.billing.assistance.domain;

import org.jspecify.annotations.NullMarked;
