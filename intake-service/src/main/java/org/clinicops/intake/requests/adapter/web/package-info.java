/**
 * HTTP API of consultation requests, their screening and decision sub-resources included, and the
 * rate limit of the public request form.
 */
@NullMarked
package org.clinicops.intake.requests.adapter.web;

import org.jspecify.annotations.NullMarked;
