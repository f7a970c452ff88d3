/** Use cases that book, change and run appointments. */
@NullMarked
package org.clinicops.scheduling.booking.application;

import org.jspecify.annotations.NullMarked;
