/** HTTP API of consultation requests. */
@NullMarked
package org.clinicops.intake.requests.adapter.web;

import org.jspecify.annotations.NullMarked;
