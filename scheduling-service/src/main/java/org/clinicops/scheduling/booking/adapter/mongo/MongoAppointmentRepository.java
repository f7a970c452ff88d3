package org.clinicops.scheduling.booking.adapter.mongo;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
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
 * site_start}.
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
        return repository.findById(id);
    }

    @Override
    public boolean existsById(String id) {
        return repository.existsById(id);
    }

    @Override
    public Appointment insert(Appointment appointment) {
        return repository.insert(appointment);
    }

    @Override
    public List<Appointment> insertAll(List<Appointment> appointments) {
        return repository.insert(appointments);
    }

    @Override
    public Appointment save(Appointment appointment) {
        return repository.save(appointment);
    }

    @Override
    public List<Appointment> findOfPatient(String patientId, AppointmentStatus status) {
        return repository.findByPatientIdAndStatus(patientId, status);
    }

    @Override
    public List<Appointment> findOfPatient(String patientId, Collection<AppointmentStatus> statuses) {
        return repository.findByPatientIdAndStatusIn(patientId, statuses);
    }

    @Override
    public List<Appointment> findInStatus(AppointmentStatus status) {
        return repository.findByStatus(status);
    }

    @Override
    public List<Appointment> findStartingBetween(String siteId, Instant after, Instant before, int limit) {
        return repository.findBySiteIdAndStartsAtBetweenOrderByStartsAtAsc(siteId, after, before, Limit.of(limit));
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
        long total = mongo.count(Query.query(criteria), Appointment.class);
        List<Appointment> content = mongo.find(
                Query.query(criteria)
                        .with(Sort.by("startsAt", "_id"))
                        .skip(page.offset())
                        .limit(page.size()),
                Appointment.class);
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
        return mongo.find(Query.query(criteria).with(Sort.by("_id")).limit(limit), Appointment.class);
    }
}
