package org.clinicops.platform.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType1Font;
import org.apache.pdfbox.pdmodel.font.Standard14Fonts;
import org.jspecify.annotations.Nullable;

/**
 * Writes lines of text and table rows top-down in Helvetica, starting a new page when one is full.
 * A line or cell wider than its room is cut to fit (a report never runs off the page). The platform's
 * PDF reports (billing's superbill, monitoring's register reports) are written with it.
 */
public final class PdfPages {

    /**
     * The pages' shape.
     *
     * @param page the page size ({@link #LETTER_PORTRAIT}, {@link #LETTER_LANDSCAPE})
     * @param margin blank border on every side, in points
     * @param leading height of a table row, in points
     * @param cellSize font size of a table cell
     */
    public record Layout(PDRectangle page, float margin, float leading, float cellSize) {}

    public static final PDRectangle LETTER_PORTRAIT = PDRectangle.LETTER;
    public static final PDRectangle LETTER_LANDSCAPE =
            new PDRectangle(PDRectangle.LETTER.getHeight(), PDRectangle.LETTER.getWidth());

    /** What a document's content is: lines written on the pages. */
    @FunctionalInterface
    public interface Content {
        void writeOn(PdfPages pages) throws IOException;
    }

    private final PDDocument document;
    private final Layout layout;
    private final PDType1Font regular = new PDType1Font(Standard14Fonts.FontName.HELVETICA);
    private final PDType1Font bold = new PDType1Font(Standard14Fonts.FontName.HELVETICA_BOLD);
    private @Nullable PDPageContentStream content;
    private float y;

    private PdfPages(PDDocument document, Layout layout) throws IOException {
        this.document = document;
        this.layout = layout;
        newPage();
    }

    /**
     * A whole document: its title in the document information, its content written on new pages.
     *
     * @throws UncheckedIOException when PDFBox cannot write it
     */
    public static byte[] document(String title, Layout layout, Content body) {
        try (PDDocument document = new PDDocument();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            document.getDocumentInformation().setTitle(title);
            PdfPages pages = new PdfPages(document, layout);
            body.writeOn(pages);
            pages.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the PDF " + title, e);
        }
    }

    /** A line of text at the left margin. */
    public void text(String text, float size, boolean strong) throws IOException {
        room(size + 5);
        write(layout.margin(), fit(text, size, strong, width()), size, strong);
        y -= size + 5;
    }

    /** Half a row of blank space. */
    public void gap() {
        y -= layout.leading() / 2;
    }

    /**
     * A table row: each cell at its column's offset from the margin, cut to the column's width (the
     * last column runs to the right margin).
     */
    public void row(float[] columns, List<String> cells, boolean strong) throws IOException {
        room(layout.leading());
        for (int i = 0; i < cells.size() && i < columns.length; i++) {
            float right = i + 1 < columns.length ? columns[i + 1] : width();
            float size = layout.cellSize();
            write(layout.margin() + columns[i], fit(cells.get(i), size, strong, right - columns[i] - 3), size, strong);
        }
        y -= layout.leading();
    }

    private float width() {
        return layout.page().getWidth() - 2 * layout.margin();
    }

    private String fit(String text, float size, boolean strong, float room) throws IOException {
        PDType1Font font = strong ? bold : regular;
        String fitted = text;
        while (fitted.length() > 1 && font.getStringWidth(fitted) / 1000 * size > room) {
            fitted = fitted.substring(0, fitted.length() - 1);
        }
        return fitted;
    }

    private void write(float x, String text, float size, boolean strong) throws IOException {
        PDPageContentStream stream = content;
        if (stream == null || text.isEmpty()) {
            return;
        }
        stream.beginText();
        stream.setFont(strong ? bold : regular, size);
        stream.newLineAtOffset(x, y);
        stream.showText(text);
        stream.endText();
    }

    private void room(float height) throws IOException {
        if (y - height < layout.margin()) {
            newPage();
        }
    }

    private void newPage() throws IOException {
        close();
        PDPage page = new PDPage(layout.page());
        document.addPage(page);
        content = new PDPageContentStream(document, page);
        y = layout.page().getHeight() - layout.margin();
    }

    private void close() throws IOException {
        if (content != null) {
            content.close();
            content = null;
        }
    }
}
