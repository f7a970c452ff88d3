/** The fee schedule API. */
@NullMarked
package org.clinicops.billing.sites.adapter.web;

import org.jspecify.annotations.NullMarked;
