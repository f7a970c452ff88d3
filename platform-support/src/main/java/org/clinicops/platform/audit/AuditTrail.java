package org.clinicops.platform.audit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * The append-only audit trail in the service's own database (collection {@value #COLLECTION}). It
 * offers appending and searching, nothing that changes or removes an entry; in production the
 * service's database user should hold only insert and find on this collection.
 *
 * <p>Entries are written in groups ({@link GroupCommit}): appends made while a write is in flight
 * share the next insert command, at most {@value #MAX_GROUP} entries, and each caller is answered
 * only once its own entry is acknowledged, failed, or {@link #MAX_WAIT} has passed. The group sizes
 * are the distribution {@code clinic_audit_group_size}.
 */
public class AuditTrail {

    /** The collection holding the entries. */
    public static final String COLLECTION = "audit_log";

    /** The most entries one insert command carries. */
    static final int MAX_GROUP = 64;

    /**
     * How long an append waits for its group's acknowledgement (the write in flight, then its own
     * group's) before it is treated as not written: two writes each bounded by the driver's socket
     * timeout (10 s), so grouping never calls an entry lost sooner than a single insert did.
     */
    static final Duration MAX_WAIT = Duration.ofSeconds(20);

    private static final Logger log = LoggerFactory.getLogger(AuditTrail.class);

    private final MongoTemplate mongo;
    private final Counter failures;
    private final GroupCommit<AuditRecord> groups;

    public AuditTrail(MongoTemplate mongo, MeterRegistry meters) {
        this(mongo, meters, new MongoAuditStore(mongo), MAX_GROUP, MAX_WAIT);
    }

    AuditTrail(
            MongoTemplate mongo,
            MeterRegistry meters,
            GroupCommit.Store<AuditRecord> store,
            int maxGroup,
            Duration maxWait) {
        this.mongo = mongo;
        this.failures = Counter.builder("clinic_audit_write_failures_total")
                .description("Audit entries that could not be written")
                .register(meters);
        DistributionSummary groupSizes = DistributionSummary.builder("clinic_audit_group_size")
                .description("Audit entries written by one insert command (group commit)")
                .serviceLevelObjectives(1, 2, 4, 8, 16, 32, 64)
                .register(meters);
        this.groups = new GroupCommit<>(store, maxGroup, maxWait, groupSizes::record);
        mongo.indexOps(COLLECTION).createIndex(new Index().on("at", Sort.Direction.DESC));
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("patientId", Sort.Direction.ASC).sparse());
        mongo.indexOps(COLLECTION)
                .createIndex(new Index().on("patientIds", Sort.Direction.ASC).sparse());
    }

    /** Appends an entry; a failure is logged and counted, never thrown at the caller. */
    public void append(AuditRecord entry) {
        tryAppend(entry);
    }

    /**
     * Appends an entry and says whether it was written: true only once the store has acknowledged
     * it. A failure, or no acknowledgement within {@link #MAX_WAIT}, is logged and counted, never
     * thrown, so the caller decides what an unwritten entry means (a read of patient data is not
     * served without one).
     */
    public boolean tryAppend(AuditRecord entry) {
        GroupCommit.Outcome outcome = groups.append(entry);
        if (outcome == GroupCommit.Outcome.STORED) {
            return true;
        }
        failures.increment();
        log.error(
                "Could not write audit entry {} ({} {}): {}",
                entry.id(),
                entry.action(),
                entry.outcome(),
                outcome == GroupCommit.Outcome.NOT_STORED ? "not written" : "no acknowledgement in time");
        return false;
    }

    /** Entries waiting for the next group (for tests). */
    int queued() {
        return groups.queued();
    }

    /** Entries matching every given criterion, newest first. */
    public Page<AuditRecord> search(Filter filter, Pageable page) {
        Criteria criteria = new Criteria();
        if (filter.actor() != null) {
            criteria.and("actor").is(filter.actor());
        }
        if (filter.patientId() != null) {
            criteria.orOperator(
                    Criteria.where("patientId").is(filter.patientId()),
                    Criteria.where("patientIds").is(filter.patientId()));
        }
        if (filter.site() != null) {
            criteria.and("site").is(filter.site());
        }
        if (filter.outcome() != null) {
            criteria.and("outcome").is(filter.outcome());
        }
        if (filter.object() != null) {
            criteria.and("object").is(filter.object());
        }
        if (filter.from() != null || filter.to() != null) {
            Criteria at = criteria.and("at");
            if (filter.from() != null) {
                at.gte(filter.from());
            }
            if (filter.to() != null) {
                at.lt(filter.to());
            }
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, AuditRecord.class, COLLECTION);
        List<AuditRecord> entries =
                mongo.find(query.with(page).with(Sort.by(Sort.Direction.DESC, "at")), AuditRecord.class, COLLECTION);
        return new PageImpl<>(entries, page, total);
    }

    /**
     * What to look for; null fields match anything.
     *
     * @param actor who acted
     * @param patientId whose data
     * @param site which site
     * @param outcome how it ended
     * @param object which object ({@code invoices/inv_…})
     * @param from entries at or after
     * @param to entries before
     */
    public record Filter(
            @Nullable String actor,
            @Nullable String patientId,
            @Nullable String site,
            AuditRecord.@Nullable Outcome outcome,
            @Nullable String object,
            @Nullable Instant from,
            @Nullable Instant to) {}
}
