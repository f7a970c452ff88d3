/** A demo simulator that drives realistic clinic activity through the services' public APIs. */
@NullMarked
package org.clinicops.demo;

import org.jspecify.annotations.NullMarked;
