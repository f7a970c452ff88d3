/** Use cases that charge clinical events, each source once; ports to session outcomes and meters. */
@NullMarked
package org.clinicops.billing.charging.application;

import org.jspecify.annotations.NullMarked;
