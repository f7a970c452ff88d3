/** The site aggregate and its rules, plain Java. */
@NullMarked
package org.clinicops.scheduling.sites.domain;

import org.jspecify.annotations.NullMarked;
