/**
 * Plain PDF documents of text lines and table rows (Apache PDFBox, an optional dependency: a
 * service that writes PDFs declares {@code org.apache.pdfbox:pdfbox} itself).
 */
@NullMarked
package org.clinicops.platform.pdf;

import org.jspecify.annotations.NullMarked;
