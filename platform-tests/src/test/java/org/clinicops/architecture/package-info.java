/** Architecture rules checked across the repository, for the modules that have no test of their own. */
@NullMarked
package org.clinicops.architecture;

import org.jspecify.annotations.NullMarked;
