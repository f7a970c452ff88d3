package org.clinicops.monitoring.register.adapter.mongo;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.clinicops.monitoring.register.application.LedgerStore;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.EntryKind;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Repository;

/**
 * Entries in {@code register_entries} under their natural id ({@code <lotId>.<seq>}, unique as every
 * {@code _id}), lot snapshots in {@code register_lots}. Why two writes are safe without a
 * transaction:
 *
 * <ol>
 *   <li>the entry is inserted first: the unique id lets one writer only take a lot's next number, so
 *       two requests that checked the same balance cannot both write (the loser reads again);
 *   <li>the snapshot is then replaced only if it is still at the previous number; if the process dies
 *       in between, the next read of the lot applies the entries numbered after its snapshot
 *       ({@link LotLedger#replay}) before anything is checked or appended.
 * </ol>
 *
 * The entries are the record; the snapshot is a cache of their sum.
 */
@Repository
class MongoLedgerStore implements LedgerStore {

    static final String ENTRIES = "register_entries";
    static final String LOTS = "register_lots";

    private final MongoTemplate mongo;

    MongoLedgerStore(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public Optional<LotLedger> lot(String lotId) {
        return Optional.ofNullable(mongo.findById(lotId, LotLedger.class, LOTS)).map(this::forward);
    }

    @Override
    public Optional<LotLedger> lotByNumber(String siteId, String ndc, String lotNumber) {
        return Optional.ofNullable(mongo.findOne(
                        query(where("siteId")
                                .is(siteId)
                                .and("ndc")
                                .is(ndc)
                                .and("lotNumber")
                                .is(lotNumber)),
                        LotLedger.class,
                        LOTS))
                .map(this::forward);
    }

    @Override
    public Optional<LotLedger> open(LotLedger ledger) {
        try {
            mongo.insert(ledger, LOTS);
            return Optional.of(ledger);
        } catch (DuplicateKeyException raced) {
            return Optional.empty();
        }
    }

    @Override
    public void append(LotLedger ledger, Entry entry) {
        try {
            mongo.insert(entry, ENTRIES);
        } catch (DuplicateKeyException raced) {
            throw new ConcurrentAppendException(entry.id());
        }
        snapshot(ledger, entry.seq() - 1);
    }

    /** Applies the entries written after the snapshot (a crash between the two writes), then stores it. */
    private LotLedger forward(LotLedger ledger) {
        long stored = ledger.seq();
        List<Entry> later = mongo.find(
                query(where("lotId").is(ledger.lotId()).and("seq").gt(stored)).with(Sort.by("seq")),
                Entry.class,
                ENTRIES);
        if (!later.isEmpty()) {
            later.forEach(ledger::replay);
            snapshot(ledger, stored);
        }
        return ledger;
    }

    /** Replaces the snapshot if it is still the one at {@code previousSeq} (a later one stays). */
    private void snapshot(LotLedger ledger, long previousSeq) {
        mongo.findAndReplace(query(where("_id").is(ledger.lotId()).and("seq").is(previousSeq)), ledger, LOTS);
    }

    @Override
    public List<LotLedger> lotsOfSite(String siteId) {
        return mongo.find(query(where("siteId").is(siteId)), LotLedger.class, LOTS).stream()
                .map(this::forward)
                .toList();
    }

    @Override
    public List<LotLedger> allLots() {
        return mongo.findAll(LotLedger.class, LOTS).stream().map(this::forward).toList();
    }

    @Override
    public Optional<Entry> entry(String entryId) {
        return Optional.ofNullable(mongo.findById(entryId, Entry.class, ENTRIES));
    }

    @Override
    public List<Entry> entriesOfSession(String sessionId) {
        return mongo.find(query(where("sessionId").is(sessionId)), Entry.class, ENTRIES);
    }

    @Override
    public List<Entry> entriesOfLot(String lotId) {
        return mongo.find(query(where("lotId").is(lotId)).with(Sort.by("seq")), Entry.class, ENTRIES);
    }

    @Override
    public List<Entry> entriesOfSite(String siteId, Instant from, Instant to) {
        Query q = query(where("siteId").is(siteId).and("recordedAt").gte(from).lt(to))
                .with(Sort.by("recordedAt", "lotId", "seq"));
        return mongo.find(q, Entry.class, ENTRIES);
    }

    @Override
    public List<Entry> entriesOfKinds(Collection<EntryKind> kinds, Instant from, Instant to) {
        return mongo.find(
                query(where("kind")
                                .in(kinds.stream().map(Enum::name).toList())
                                .and("recordedAt")
                                .gte(from)
                                .lt(to))
                        .with(Sort.by("recordedAt", "lotId", "seq")),
                Entry.class,
                ENTRIES);
    }

    @Override
    public Optional<Entry> adjustmentOf(String discrepancyId) {
        return Optional.ofNullable(mongo.findOne(
                query(where("kind")
                        .is(EntryKind.ADJUSTMENT.name())
                        .and("discrepancyId")
                        .is(discrepancyId)),
                Entry.class,
                ENTRIES));
    }
}
