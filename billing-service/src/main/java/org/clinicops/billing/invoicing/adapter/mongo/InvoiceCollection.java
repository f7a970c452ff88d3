package org.clinicops.billing.invoicing.adapter.mongo;

import org.clinicops.platform.outbox.AggregateRoot;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Declares the {@code invoices} collection to Spring Data as one of aggregates with an outbox: the
 * platform's outbox relay sweeps the collections of the {@link AggregateRoot} documents it finds
 * when the service starts, and the invoice aggregate itself carries no mapping annotation (its domain
 * is free of MongoDB). Nothing is read or written as this type: {@link MongoInvoices} stores {@code
 * Invoice}s in this collection.
 */
@Document(MongoInvoices.COLLECTION)
final class InvoiceCollection extends AggregateRoot {

    private InvoiceCollection() {}
}
