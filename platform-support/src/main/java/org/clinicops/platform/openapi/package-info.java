/**
 * The OpenAPI document every service publishes at {@code /v3/api-docs}, made trustworthy for a
 * client: the bearer scheme on every operation the access policy does not open, RFC 9457 problem
 * responses, bounded paging parameters.
 */
@NullMarked
package org.clinicops.platform.openapi;

import org.jspecify.annotations.NullMarked;
