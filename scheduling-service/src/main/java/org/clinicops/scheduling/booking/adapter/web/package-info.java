/** HTTP API and day board of appointments. */
@NullMarked
package org.clinicops.scheduling.booking.adapter.web;

import org.jspecify.annotations.NullMarked;
