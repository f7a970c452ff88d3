package org.clinicops.billing.superbill.adapter.pdf;

import java.io.IOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;

/** Writes lines of text and table rows top-down on Letter pages, starting a new page when one is full. */
final class PdfPages implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float LEADING = 15;

    private final PDDocument document;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private @Nullable PDPageContentStream content;
    private float y;

    PdfPages(PDDocument document) throws IOException {
        this.document = document;
        newPage();
    }

    void text(String text, float size, boolean strong) throws IOException {
        ensureRoom(size + 5);
        write(MARGIN, text, size, strong);
        y -= size + 5;
    }

    void gap() {
        y -= LEADING / 2;
    }

    void row(float[] columns, List<String> cells, boolean strong) throws IOException {
        ensureRoom(LEADING);
        for (int i = 0; i < cells.size(); i++) {
            String cell = cells.get(i);
            float width = (i + 1 < columns.length ? columns[i + 1] : 512) - columns[i] - 4;
            write(MARGIN + columns[i], fit(cell, 9, strong, width), 9, strong);
        }
        y -= LEADING;
    }

    private String fit(String text, float size, boolean strong, float width) throws IOException {
        PDType1Font font = strong ? bold : regular;
        String fitted = text;
        while (fitted.length() > 1 && font.getStringWidth(fitted) / 1000 * size > width) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    private void write(float x, String text, float size, boolean strong) throws IOException {
        PDPageContentStream stream = content;
        if (stream == null) {
            throw new IllegalStateException("closed");
        }
        stream.beginText();
        stream.setFont(strong ? bold : regular, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    private void ensureRoom(float height) throws IOException {
        if (y - height < MARGIN) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(PDRectangle.LETTER);
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = page.getMediaBox().getHeight() - MARGIN;
    }

    @Override
    public void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
