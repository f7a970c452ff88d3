/** The staff desk's pages and forms, over the use cases of the other features. */
@NullMarked
package org.clinicops.billing.staffdesk.adapter.web;

import org.jspecify.annotations.NullMarked;
