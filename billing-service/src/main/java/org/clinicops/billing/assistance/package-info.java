/** Financial assistance: sliding-scale policies per site, decisions per patient, series packages and payment plans. */
@NullMarked
package org.clinicops.billing.assistance;

import org.jspecify.annotations.NullMarked;
