package org.clinicops.billing.superbill.adapter.pdf;

import java.util.List;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.billing.superbill.application.SuperbillRenderer;
import org.clinicops.billing.superbill.application.SuperbillStatement;
import org.clinicops.platform.pdf.PdfPages;
import org.springframework.stereotype.Component;

/** A superbill as a Letter-size PDF: header, one table row per service line, totals. */
@Component
class PdfSuperbillRenderer implements SuperbillRenderer {

    private static final PdfPages.Layout LAYOUT = new PdfPages.Layout(PdfPages.LETTER_PORTRAIT, 50, 15, 9);
    private static final float[] COLUMNS = {0, 80, 150, 330, 370, 430, 490};

    @Override
    public byte[] render(SuperbillStatement statement) {
        var provider = statement.provider();
        String currency = statement.currency();
        return PdfPages.document("Superbill " + statement.patientId(), LAYOUT, pages -> {
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
            pages.row(
                    COLUMNS,
                    List.of("Date of service", "CPT/HCPCS", "Description", "Units", "ICD-10", "Charged", "Paid"),
                    true);
            for (SuperbillStatement.Row row : statement.rows()) {
                pages.row(
                        COLUMNS,
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
        });
    }
}
