/** Adapters of treatment plans. The decision's HTTP endpoint is a sub-resource of a consultation request (requests' web adapter), and the plan is stored in its request's document. */
@NullMarked
package org.clinicops.intake.plans.adapter;

import org.jspecify.annotations.NullMarked;
