/** The HTTP API as a whole: the bounds of ids (the OpenAPI conventions and problem details are platform-support's). */
@NullMarked
package org.clinicops.billing.apidocs;

import org.jspecify.annotations.NullMarked;
