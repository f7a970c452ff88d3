/**
 * The HTTP API's bounds (pages, ids, codes). The OpenAPI conventions (bearer scheme, problem
 * responses) and the 409 of a concurrent change are platform-support's, shared by every service.
 */
@NullMarked
package org.clinicops.monitoring.apidocs;

import org.jspecify.annotations.NullMarked;
