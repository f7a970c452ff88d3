/**
 * The one place typed and posted input becomes values: amounts of money ({@link MoneyInput}) and
 * calendar dates ({@link DateInput}), each bounded on its text before anything is parsed, with the
 * Bean Validation constraints that apply the same rules to request bodies and form fields.
 */
@NullMarked
package org.clinicops.platform.input;

import org.jspecify.annotations.NullMarked;
