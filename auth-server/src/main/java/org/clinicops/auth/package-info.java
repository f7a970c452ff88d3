/**
 * The local stack's authorization server: OAuth 2.1 and OpenID Connect endpoints, sign-in page and
 * the security filter chains that protect them.
 */
@NullMarked
package org.clinicops.auth;

import org.jspecify.annotations.NullMarked;
