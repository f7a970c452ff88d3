package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Clock;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;

/**
 * The one place where booking's store is prepared at start-up, before any adapter uses it: every
 * index the reservation collections need, then every layout migration in order. Both are idempotent
 * (an index that exists is left alone, a migration records that it ran), so every instance runs them.
 * The adapters that read and write these collections depend on this bean ({@code @DependsOn}).
 *
 * <p>The indexes of {@code appointments} are declared on the mapped class ({@code @CompoundIndex} on
 * {@link AppointmentDocument}: {@code patient_start}, {@code site_start}, {@code site_updated}) and created by
 * Spring Data's automatic index creation.
 */
@Component(SchedulingStoreSetup.BEAN)
public class SchedulingStoreSetup implements InitializingBean {

    static final String BEAN = "schedulingStoreSetup";

    private final MongoTemplate mongo;
    private final Clock clock;

    public SchedulingStoreSetup(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        run();
    }

    /** Creates the indexes, then runs the migrations not run yet. */
    public void run() {
        createIndexes();
        migrate();
    }

    private void createIndexes() {
        var cells = mongo.indexOps(ReservationCells.COLLECTION);
        // a cell's holder; the range indexes serve tools that query real MongoDB by site and time
        cells.createIndex(new Index().on("appointmentId", Sort.Direction.ASC));
        cells.createIndex(new Index().on("siteId", Sort.Direction.ASC).on("cell", Sort.Direction.ASC));
        cells.createIndex(new Index().on("resource", Sort.Direction.ASC).on("cell", Sort.Direction.ASC));
        // a release deletes a cell only while the appointment still holds it
        cells.createIndex(new Index()
                .on("_id", Sort.Direction.ASC)
                .on("appointmentId", Sort.Direction.ASC)
                .unique()
                .named("cell_holder"));
        // the sweep reads the worklist entries older than the grace period
        mongo.indexOps(WriteAheadLog.CHECKS).createIndex(new Index().on("at", Sort.Direction.ASC));
        mongo.indexOps(DayOccupancy.COLLECTION).createIndex(new Index().on("day", Sort.Direction.ASC));
    }

    private void migrate() {
        // day-buckets-1: holds and day buckets for a store written before they existed
        new DayBucketsMigration(mongo, clock).run();
        // day-bits-2: the day buckets' {cell, holder} entries become one bit per resource and cell
        new DayBitsMigration(mongo, clock).run();
    }
}
