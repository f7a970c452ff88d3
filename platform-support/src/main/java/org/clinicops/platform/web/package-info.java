/** RFC 9457 problem details and paging conventions of the HTTP APIs. */
@NullMarked
package org.clinicops.platform.web;

import org.jspecify.annotations.NullMarked;
