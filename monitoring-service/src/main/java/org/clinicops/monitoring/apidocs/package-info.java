/** The HTTP API as a whole: its OpenAPI description (the problem details each operation can give), its bounds, the 409 of a concurrent change. */
@NullMarked
package org.clinicops.monitoring.apidocs;

import org.jspecify.annotations.NullMarked;
