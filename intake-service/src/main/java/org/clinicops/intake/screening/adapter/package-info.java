/** Adapters of screening. Its HTTP endpoints are sub-resources of a consultation request (requests' web adapter), and a screening is stored in its request's document. */
@NullMarked
package org.clinicops.intake.screening.adapter;

import org.jspecify.annotations.NullMarked;
