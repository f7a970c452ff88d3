package org.clinicops.billing.invoicing.adapter.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.regex.Pattern;
import org.clinicops.billing.invoicing.domain.HistoryEntry;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceLine;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.platform.fhir.FhirParams;
import org.hl7.fhir.r4.model.ChargeItem;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Money;
import org.hl7.fhir.r4.model.Reference;

/**
 * An invoice as a FHIR {@code Invoice} and each of its lines as a {@code ChargeItem} ({@code
 * inv.x-1}, {@code inv.x-2}... by line), amounts as {@code Money} in the invoice's currency, never a
 * floating-point number. The history's free text (void and refund reasons, who changed what) stays in
 * the service.
 */
final class InvoiceResources {

    static final String CPT = "http://www.ama-assn.org/go/cpt";
    static final String HCPCS = "urn:oid:2.16.840.1.113883.6.285";
    /** The clinic's own fee codes (missed-appointment fees, packages), which are neither CPT nor HCPCS. */
    static final String FEE_CODES = "https://clinicops.org/fhir/CodeSystem/fee-code";

    static final String SITES = "https://clinicops.org/fhir/identifier/site";

    private static final Pattern CPT_CODE = Pattern.compile("\\d{4}[0-9FTU]");
    private static final Pattern HCPCS_CODE = Pattern.compile("[A-V]\\d{4}");

    private InvoiceResources() {}

    /** The system of a billed code: CPT (five digits), HCPCS Level II (a letter and four digits) or the clinic's. */
    static String system(String code) {
        if (CPT_CODE.matcher(code).matches()) {
            return CPT;
        }
        return HCPCS_CODE.matcher(code).matches() ? HCPCS : FEE_CODES;
    }

    static Reference patient(Invoice invoice) {
        return new Reference("Patient/" + FhirParams.fhirId(invoice.patientId()));
    }

    /**
     * The account the invoice is billed to. Its logical id is written as {@code FhirAccountController}
     * writes it (a feature's adapters do not reach another's, so the format is repeated; the FHIR test
     * reads the reference back).
     */
    static Reference account(Invoice invoice) {
        return new Reference(
                "Account/" + FhirParams.fhirId(invoice.patientId()) + ".at." + FhirParams.fhirId(invoice.siteId()));
    }

    static Reference site(String siteId) {
        return new Reference()
                .setType("Organization")
                .setIdentifier(new Identifier().setSystem(SITES).setValue(siteId));
    }

    static Money money(BigDecimal amount, String currency) {
        Money money = new Money();
        money.setValue(amount);
        money.setCurrency(currency);
        return money;
    }

    /** When the invoice last changed: its latest history entry (every change writes one). */
    static Instant lastChanged(Invoice invoice) {
        return invoice.history().stream()
                .map(HistoryEntry::at)
                .max(Comparator.naturalOrder())
                .orElse(invoice.createdAt());
    }

    static String chargeItemId(Invoice invoice, int sequence) {
        return FhirParams.fhirId(invoice.id()) + "-" + sequence;
    }

    static org.hl7.fhir.r4.model.Invoice.InvoiceStatus status(InvoiceStatus status) {
        return switch (status) {
            case DRAFT -> org.hl7.fhir.r4.model.Invoice.InvoiceStatus.DRAFT;
            case ISSUED, PARTIALLY_PAID -> org.hl7.fhir.r4.model.Invoice.InvoiceStatus.ISSUED;
            case PAID -> org.hl7.fhir.r4.model.Invoice.InvoiceStatus.BALANCED;
            case VOID -> org.hl7.fhir.r4.model.Invoice.InvoiceStatus.CANCELLED;
        };
    }

    /** A line's charge: planned on a draft, billed once issued, aborted when the invoice is voided. */
    static ChargeItem.ChargeItemStatus chargeStatus(InvoiceStatus status) {
        return switch (status) {
            case DRAFT -> ChargeItem.ChargeItemStatus.PLANNED;
            case ISSUED, PARTIALLY_PAID, PAID -> ChargeItem.ChargeItemStatus.BILLED;
            case VOID -> ChargeItem.ChargeItemStatus.ABORTED;
        };
    }

    static org.hl7.fhir.r4.model.Invoice invoice(Invoice invoice) {
        var resource = new org.hl7.fhir.r4.model.Invoice();
        resource.setId(FhirParams.fhirId(invoice.id()));
        resource.getMeta().setLastUpdated(Date.from(lastChanged(invoice)));
        resource.setStatus(status(invoice.status()));
        resource.setSubject(patient(invoice));
        resource.setDate(Date.from(invoice.createdAt()));
        resource.setIssuer(site(invoice.siteId()));
        resource.setAccount(account(invoice));
        List<InvoiceLine> lines = invoice.lines();
        for (int n = 0; n < lines.size(); n++) {
            resource.addLineItem()
                    .setSequence(n + 1)
                    .setChargeItem(new Reference("ChargeItem/" + chargeItemId(invoice, n + 1)))
                    .addPriceComponent()
                    .setType(org.hl7.fhir.r4.model.Invoice.InvoicePriceComponentType.BASE)
                    .setAmount(money(lines.get(n).amount(), invoice.currency()));
        }
        resource.addTotalPriceComponent()
                .setType(org.hl7.fhir.r4.model.Invoice.InvoicePriceComponentType.BASE)
                .setAmount(money(invoice.subtotal(), invoice.currency()));
        if (invoice.discount().signum() != 0) {
            resource.addTotalPriceComponent()
                    .setType(org.hl7.fhir.r4.model.Invoice.InvoicePriceComponentType.DISCOUNT)
                    .setAmount(money(invoice.discount().negate(), invoice.currency()));
        }
        // no taxes on these services: the net and gross totals are both the total after discount
        resource.setTotalNet(money(invoice.total(), invoice.currency()));
        resource.setTotalGross(money(invoice.total(), invoice.currency()));
        return resource;
    }

    static List<ChargeItem> chargeItems(Invoice invoice) {
        List<ChargeItem> items = new ArrayList<>();
        for (int n = 1; n <= invoice.lines().size(); n++) {
            items.add(chargeItem(invoice, n));
        }
        return items;
    }

    /** The invoice's line {@code sequence} (from 1). */
    static ChargeItem chargeItem(Invoice invoice, int sequence) {
        InvoiceLine line = invoice.lines().get(sequence - 1);
        ChargeItem item = new ChargeItem();
        item.setId(chargeItemId(invoice, sequence));
        item.getMeta().setLastUpdated(Date.from(lastChanged(invoice)));
        item.setStatus(chargeStatus(invoice.status()));
        item.getCode()
                .setText(line.description())
                .addCoding()
                .setSystem(system(line.code()))
                .setCode(line.code())
                .setDisplay(line.description());
        item.setSubject(patient(invoice));
        item.setOccurrence(new DateTimeType(Date.from(invoice.serviceAt())));
        item.setEnteredDate(Date.from(invoice.createdAt()));
        item.getQuantity().setValue(line.units());
        // R4's priceOverride is the charge's total price: units × the fee schedule's unit price
        item.setPriceOverride(money(line.amount(), invoice.currency()));
        item.addAccount(account(invoice));
        return item;
    }
}
