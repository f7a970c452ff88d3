/**
 * The nurse's pages: forms that call the vitals, adverse-event and register use cases, and the views
 * they render.
 */
@NullMarked
package org.clinicops.monitoring.nurse.adapter.web;

import org.jspecify.annotations.NullMarked;
