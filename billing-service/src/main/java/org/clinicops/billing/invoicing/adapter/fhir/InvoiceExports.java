package org.clinicops.billing.invoicing.adapter.fhir;

import java.util.List;
import java.util.function.Consumer;
import org.clinicops.billing.invoicing.application.FindInvoices;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.hl7.fhir.r4.model.Resource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The bulk export's {@code Invoice}s and {@code ChargeItem}s: every invoice of the scope's sites whose
 * last change falls in its time range, read {@value #PAGE} at a time (an invoice's lines change with
 * it, so its ChargeItems go with it).
 */
@Configuration(proxyBeanMethods = false)
class InvoiceExports {

    static final int PAGE = 100;

    @Bean
    FhirExportSource invoiceExport(FindInvoices find) {
        return new Source("Invoice", find, (invoice, out) -> out.accept(InvoiceResources.invoice(invoice)));
    }

    @Bean
    FhirExportSource chargeItemExport(FindInvoices find) {
        return new Source(
                "ChargeItem",
                find,
                (invoice, out) -> InvoiceResources.chargeItems(invoice).forEach(out));
    }

    /** How one invoice is written. */
    interface Writer {
        void write(Invoice invoice, Consumer<Resource> out);
    }

    private record Source(String type, FindInvoices find, Writer writer) implements FhirExportSource {

        @Override
        public void export(FhirExportScope scope, Consumer<Resource> out) {
            if (scope.coversNoSite()) {
                return;
            }
            long offset = 0;
            List<Invoice> page;
            do {
                page = find.changedSince(scope.sitesOrNull(), scope.since(), offset, PAGE);
                for (Invoice invoice : page) {
                    if (scope.changedInRange(InvoiceResources.lastChanged(invoice))) {
                        writer.write(invoice, out);
                    }
                }
                offset += page.size();
            } while (page.size() == PAGE);
        }
    }
}
