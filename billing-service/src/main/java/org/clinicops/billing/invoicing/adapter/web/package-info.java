/** The invoice API: list, read, create, issue, pay, refund, void, plan, apply assistance or a package. */
@NullMarked
package org.clinicops.billing.invoicing.adapter.web;

import org.jspecify.annotations.NullMarked;
