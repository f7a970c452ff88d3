/** The HTTP API as a whole: the bounds of ids and paging parameters (the OpenAPI conventions and the 409 of a concurrent change are platform-support's). */
@NullMarked
package org.clinicops.scheduling.apidocs;

import org.jspecify.annotations.NullMarked;
