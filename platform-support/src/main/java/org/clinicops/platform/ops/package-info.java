/** Health indicators and metric conventions. */
@NullMarked
package org.clinicops.platform.ops;

import org.jspecify.annotations.NullMarked;
