/** Superbills written as PDF (PDFBox). */
@NullMarked
package org.clinicops.billing.superbill.adapter.pdf;

import org.jspecify.annotations.NullMarked;
