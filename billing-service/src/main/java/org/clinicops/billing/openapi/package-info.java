/** The billing API's OpenAPI document: the problem-detail responses each operation can give. */
@NullMarked
package org.clinicops.billing.openapi;

import org.jspecify.annotations.NullMarked;
