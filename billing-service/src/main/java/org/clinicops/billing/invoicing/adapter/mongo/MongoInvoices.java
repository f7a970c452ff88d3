package org.clinicops.billing.invoicing.adapter.mongo;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.types.Decimal128;
import org.clinicops.billing.invoicing.application.InvoiceRepository;
import org.clinicops.billing.invoicing.domain.Invoice;
import org.clinicops.billing.invoicing.domain.InvoiceStatus;
import org.clinicops.billing.invoicing.domain.Money;
import org.clinicops.platform.change.ConcurrentChanges;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Invoices in {@code invoices}, one document each with its outbox; a concurrent change of the same
 * invoice becomes a 409 conflict. The collection is named on every call: the aggregate carries no
 * mapping annotations ({@link InvoiceCollection} declares the collection to Spring Data).
 */
@Component
class MongoInvoices implements InvoiceRepository {

    static final String COLLECTION = "invoices";

    private final MongoTemplate mongo;

    MongoInvoices(MongoTemplate mongo) {
        this.mongo = mongo;
        var indexes = mongo.indexOps(COLLECTION);
        indexes.createIndex(new Index()
                .on("siteId", Sort.Direction.ASC)
                .on("status", Sort.Direction.ASC)
                .named("site_status"));
        indexes.createIndex(new Index().on("patientId", Sort.Direction.ASC).named("patientId"));
    }

    @Override
    public Invoice get(String id) {
        return find(id).orElseThrow(() -> new NotFoundException("invoice", id));
    }

    @Override
    public Optional<Invoice> find(String id) {
        return Optional.ofNullable(mongo.findById(id, Invoice.class, COLLECTION));
    }

    /** Inserts a new invoice; false when an invoice with this id already exists (exactly-once charging). */
    @Override
    public boolean insertOnce(Invoice invoice) {
        try {
            mongo.insert(invoice, COLLECTION);
            return true;
        } catch (DuplicateKeyException alreadyCharged) {
            return false;
        }
    }

    @Override
    public Invoice insert(Invoice invoice) {
        return mongo.insert(invoice, COLLECTION);
    }

    /** Loads, changes and saves an invoice; the version check turns a lost update into a conflict. */
    @Override
    public Invoice change(String id, Consumer<Invoice> change) {
        return ConcurrentChanges.once("the invoice", () -> {
            Invoice invoice = get(id);
            change.accept(invoice);
            return mongo.save(invoice, COLLECTION);
        });
    }

    /**
     * A page of invoices.
     *
     * @param siteIds only invoices of these sites; null for every site
     */
    @Override
    public Page<Invoice> search(
            @Nullable String patientId,
            @Nullable Collection<String> siteIds,
            @Nullable List<InvoiceStatus> statuses,
            PageRequest page) {
        Pageable pageable = SpringDataPages.toPageable(page);
        Query query = criteria(patientId, siteIds, statuses);
        long total = mongo.count(query, Invoice.class, COLLECTION);
        Query paged = Query.of(query)
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                .with(pageable);
        List<Invoice> content = mongo.find(paged, Invoice.class, COLLECTION);
        return new Page<>(content, page, total);
    }

    @Override
    public Page<Invoice> search(Filter filter, PageRequest page) {
        Pageable pageable = SpringDataPages.toPageable(page);
        Query query = criteria(filter.patientId(), filter.siteIds(), filter.statuses());
        between(query, "createdAt", filter.createdFrom(), filter.createdBefore());
        between(query, "serviceAt", filter.serviceFrom(), filter.serviceBefore());
        long total = mongo.count(query, Invoice.class, COLLECTION);
        Query paged = Query.of(query)
                .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
                .with(pageable);
        List<Invoice> content = mongo.find(paged, Invoice.class, COLLECTION);
        return new Page<>(content, page, total);
    }

    private static void between(Query query, String field, @Nullable Instant from, @Nullable Instant before) {
        if (from == null && before == null) {
            return;
        }
        Criteria window = Criteria.where(field);
        if (from != null) {
            window = window.gte(from);
        }
        if (before != null) {
            window = window.lt(before);
        }
        query.addCriteria(window);
    }

    @Override
    public List<Invoice> changedSince(
            @Nullable Collection<String> siteIds, @Nullable Instant since, long offset, int limit) {
        Query query = siteIds == null
                ? new Query()
                : Query.query(Criteria.where("siteId").in(siteIds));
        if (since != null) {
            query.addCriteria(Criteria.where("history.at").gte(since));
        }
        query.with(Sort.by("_id")).skip(offset).limit(limit);
        return mongo.find(query, Invoice.class, COLLECTION);
    }

    /**
     * A page of the work queue: matching invoices, oldest service first.
     *
     * @param siteIds only invoices of these sites; null for every site
     */
    @Override
    public Page<Invoice> queue(
            @Nullable Collection<String> siteIds, @Nullable List<InvoiceStatus> statuses, PageRequest page) {
        Pageable pageable = SpringDataPages.toPageable(page);
        Query query = criteria(null, siteIds, statuses);
        long total = mongo.count(query, Invoice.class, COLLECTION);
        Query paged =
                Query.of(query).with(Sort.by("serviceAt").and(Sort.by("_id"))).with(pageable);
        return new Page<>(mongo.find(paged, Invoice.class, COLLECTION), page, total);
    }

    /**
     * The balance still owed per currency over every matching invoice, read as a stream of four
     * fields per invoice (never the whole invoices at once), by currency.
     */
    @Override
    public List<Outstanding> outstanding(@Nullable Collection<String> siteIds, @Nullable List<InvoiceStatus> statuses) {
        Query query = criteria(null, siteIds, statuses);
        query.fields().include("currency", "status", "patientResponsibility", "paid");
        Map<String, BigDecimal> balance = new TreeMap<>();
        Map<String, Long> count = new TreeMap<>();
        try (var stream = mongo.stream(query, Document.class, COLLECTION)) {
            stream.forEach(d -> {
                String currency = String.valueOf(d.get("currency"));
                String status = String.valueOf(d.get("status"));
                // as Invoice.balance(): a draft or void invoice owes nothing
                BigDecimal owed = status.equals(InvoiceStatus.DRAFT.name()) || status.equals(InvoiceStatus.VOID.name())
                        ? BigDecimal.ZERO
                        : decimal(d.get("patientResponsibility")).subtract(decimal(d.get("paid")));
                balance.merge(currency, owed, BigDecimal::add);
                count.merge(currency, 1L, Long::sum);
            });
        }
        return balance.entrySet().stream()
                .map(e -> new Outstanding(e.getKey(), Money.cents(e.getValue()), count.get(e.getKey())))
                .toList();
    }

    private static BigDecimal decimal(@Nullable Object stored) {
        if (stored instanceof Decimal128 d) {
            return d.bigDecimalValue();
        }
        return stored == null ? BigDecimal.ZERO : new BigDecimal(stored.toString());
    }

    /** Every matching invoice; {@code siteIds} null for every site. */
    @Override
    public List<Invoice> all(
            @Nullable String patientId, @Nullable Collection<String> siteIds, @Nullable List<InvoiceStatus> statuses) {
        return mongo.find(criteria(patientId, siteIds, statuses), Invoice.class, COLLECTION);
    }

    /** The patient's invoices at the site with a day of service in [from, to). */
    @Override
    public List<Invoice> ofPatientBetween(String patientId, String siteId, Instant from, Instant to) {
        return mongo.find(
                Query.query(Criteria.where("patientId")
                                .is(patientId)
                                .and("siteId")
                                .is(siteId)
                                .and("serviceAt")
                                .gte(from)
                                .lt(to))
                        .with(Sort.by("serviceAt")),
                Invoice.class,
                COLLECTION);
    }

    private static Query criteria(
            @Nullable String patientId, @Nullable Collection<String> siteIds, @Nullable List<InvoiceStatus> statuses) {
        Criteria criteria = new Criteria();
        if (patientId != null && !patientId.isBlank()) {
            criteria = criteria.and("patientId").is(patientId);
        }
        if (siteIds != null) {
            criteria = criteria.and("siteId").in(siteIds);
        }
        if (statuses != null && !statuses.isEmpty()) {
            criteria = criteria.and("status").in(statuses);
        }
        return Query.query(criteria);
    }
}
