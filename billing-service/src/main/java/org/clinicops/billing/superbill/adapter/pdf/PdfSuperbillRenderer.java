package org.clinicops.billing.superbill.adapter.pdf;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.superbill.application.SuperbillRenderer;
import org.clinicops.billing.superbill.application.SuperbillStatement;
import org.springframework.stereotype.Component;

/** A superbill as a Letter-size PDF: header, one table row per service line, totals. */
@Component
class PdfSuperbillRenderer implements SuperbillRenderer {

    @Override
    public byte[] render(SuperbillStatement statement) {
        var provider = statement.provider();
        String currency = statement.currency();
        try (PDDocument document = new PDDocument()) {
            document.getDocumentInformation().setTitle("Superbill " + statement.patientId());
            PdfPages pages = new PdfPages(document);
            pages.text("Superbill (itemized statement)", 16, true);
            pages.gap();
            pages.text("Provider: " + provider.name(), 10, false);
            pages.text("NPI: " + provider.npi() + "   Tax ID: " + provider.taxId(), 10, false);
            if (provider.address() != null) {
                pages.text(provider.address(), 10, false);
            }
            pages.text("Site: " + statement.siteName() + " (" + statement.siteId() + ")", 10, false);
            pages.text("Patient account: " + statement.patientId(), 10, false);
            pages.text("Period: " + statement.from() + " to " + statement.to() + "   Currency: " + currency, 10, false);
            pages.text("Diagnoses (ICD-10): " + statement.diagnoses(), 10, false);
            pages.gap();
            float[] columns = {0, 80, 150, 330, 370, 430, 490};
            pages.row(
                    columns,
                    List.of("Date of service", "CPT/HCPCS", "Description", "Units", "ICD-10", "Charged", "Paid"),
                    true);
            for (SuperbillStatement.Row row : statement.rows()) {
                pages.row(
                        columns,
                        List.of(
                                row.date().toString(),
                                row.line().code(),
                                row.line().description(),
                                String.valueOf(row.line().units()),
                                row.diagnosis(),
                                Money.format(row.line().amount()),
                                Money.format(row.paid())),
                        false);
            }
            pages.gap();
            pages.text("Total charged: " + Money.format(statement.charged()) + " " + currency, 11, true);
            pages.text("Discounts: " + Money.format(statement.discount()) + " " + currency, 10, false);
            pages.text("Total paid: " + Money.format(statement.paid()) + " " + currency, 11, true);
            pages.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException("could not write the superbill", e);
        }
    }
}
