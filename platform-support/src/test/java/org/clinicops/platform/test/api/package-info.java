/**
 * API checks every service adopts with a test or two: {@link OpenApiContract} (its OpenAPI document
 * is one a client can trust) and {@link ApiFuzz} (hostile requests on every operation of that
 * document never break the API).
 */
@NullMarked
package org.clinicops.platform.test.api;

import org.jspecify.annotations.NullMarked;
