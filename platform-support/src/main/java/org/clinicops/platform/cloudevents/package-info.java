/** The CloudEvents Kafka protocol binding (binary mode) for clinic events. */
@NullMarked
package org.clinicops.platform.cloudevents;

import org.jspecify.annotations.NullMarked;
