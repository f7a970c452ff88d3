/** End-to-end tests: the four service jars as processes against one broker and one store. */
@NullMarked
package org.clinicops.e2e;

import org.jspecify.annotations.NullMarked;
