package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.scheduling.booking.application.AppointmentFilter;
import org.clinicops.scheduling.booking.application.AppointmentRepository;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Limit;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

/**
 * Appointments in {@code appointments} (one document per appointment, its outbox inside). A
 * patient's appointments are read on the {@code patient_start} index, a site's on {@code
 * site_start}. Appointments are mapped to and from {@link AppointmentDocument}s; a write gives the
 * appointment the version it was stored at.
 */
@Component
class MongoAppointmentRepository implements AppointmentRepository {

    private final SpringDataAppointments repository;
    private final MongoTemplate mongo;

    MongoAppointmentRepository(SpringDataAppointments repository, MongoTemplate mongo) {
        this.repository = repository;
        this.mongo = mongo;
    }

    @Override
    public Optional<Appointment> findById(String id) {
        return repository.findById(id).map(AppointmentDocument::toAppointment);
    }

    @Override
    public List<Appointment> findAllById(Collection<String> ids) {
        return appointments(mongo.find(Query.query(Criteria.where("_id").in(ids)), AppointmentDocument.class));
    }

    @Override
    public boolean existsById(String id) {
        // a find by _id, not Spring Data's existsById: that is a count, which the driver sends as an
        // aggregate, and a store may serve an aggregate's $match without the _id index (the local
        // store scanned every appointment, half its CPU under load)
        return mongo.getCollection(mongo.getCollectionName(AppointmentDocument.class))
                        .find(new Document("_id", id))
                        .projection(new Document("_id", 1))
                        .limit(1)
                        .first()
                != null;
    }

    @Override
    public Appointment insert(Appointment appointment) {
        return stored(appointment, repository.insert(AppointmentDocument.of(appointment)));
    }

    @Override
    public List<Appointment> insertAll(List<Appointment> appointments) {
        List<AppointmentDocument> written = repository.insert(
                appointments.stream().map(AppointmentDocument::of).toList());
        for (int i = 0; i < appointments.size(); i++) {
            stored(appointments.get(i), written.get(i));
        }
        return appointments;
    }

    @Override
    public Appointment save(Appointment appointment) {
        return stored(appointment, repository.save(AppointmentDocument.of(appointment)));
    }

    private static Appointment stored(Appointment appointment, AppointmentDocument written) {
        appointment.markStored(written.storedVersion());
        return appointment;
    }

    private static List<Appointment> appointments(List<AppointmentDocument> documents) {
        return documents.stream().map(AppointmentDocument::toAppointment).toList();
    }

    @Override
    public List<Appointment> findOfPatient(String patientId, AppointmentStatus status) {
        return appointments(repository.findByPatientIdAndStatus(patientId, status));
    }

    @Override
    public List<Appointment> findOfPatient(String patientId, Collection<AppointmentStatus> statuses) {
        return appointments(repository.findByPatientIdAndStatusIn(patientId, statuses));
    }

    @Override
    public List<Appointment> findInStatus(AppointmentStatus status) {
        return appointments(repository.findByStatus(status));
    }

    @Override
    public List<Appointment> findStartingBetween(String siteId, Instant after, Instant before, int limit) {
        return appointments(
                repository.findBySiteIdAndStartsAtBetweenOrderByStartsAtAsc(siteId, after, before, Limit.of(limit)));
    }

    /** Counts the matches, then reads the page sorted by start and id, skipped and limited in the store. */
    @Override
    public Page<Appointment> findPage(AppointmentFilter filter, PageRequest page) {
        Criteria criteria = new Criteria();
        if (filter.patientId() != null) {
            criteria = criteria.and("patientId").is(filter.patientId());
        }
        if (filter.siteIds() != null) {
            criteria = criteria.and("siteId").in(filter.siteIds());
        }
        if (filter.type() != null) {
            criteria = criteria.and("type").is(filter.type());
        }
        if (filter.allowedStatuses() != null) {
            criteria = criteria.and("status").in(filter.allowedStatuses());
        }
        Instant from = filter.from();
        Instant to = filter.to();
        if (from != null && to != null) {
            criteria = criteria.and("startsAt").gte(from).lt(to);
        } else if (from != null) {
            criteria = criteria.and("startsAt").gte(from);
        } else if (to != null) {
            criteria = criteria.and("startsAt").lt(to);
        }
        long total = mongo.count(Query.query(criteria), AppointmentDocument.class);
        List<Appointment> content = appointments(mongo.find(
                Query.query(criteria)
                        .with(Sort.by("startsAt", "_id"))
                        .skip(page.offset())
                        .limit(page.size()),
                AppointmentDocument.class));
        return new Page<>(content, page, total);
    }

    /** Keyset pages by id: each page starts after the last id of the one before, so no skip grows. */
    @Override
    public List<Appointment> findChanged(
            @Nullable Collection<String> siteIds,
            @Nullable Instant since,
            Instant before,
            @Nullable String afterId,
            int limit) {
        Criteria criteria =
                siteIds == null ? new Criteria() : Criteria.where("siteId").in(siteIds);
        criteria = since == null
                ? criteria.and("updatedAt").lt(before)
                : criteria.and("updatedAt").gte(since).lt(before);
        if (afterId != null) {
            criteria = criteria.and("_id").gt(afterId);
        }
        return appointments(
                mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), AppointmentDocument.class));
    }
}
