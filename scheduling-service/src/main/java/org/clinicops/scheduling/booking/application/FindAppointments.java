package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.AppointmentType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.Pageable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Service;

/**
 * Lists appointments by patient, sites, type, status and start time range, earliest first. The
 * caller passes the sites the user may see (null for every site), so a list never shows another
 * site's appointments.
 */
@Service
public class FindAppointments {

    private final MongoTemplate mongo;

    FindAppointments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    public Page<Appointment> find(
            @Nullable String patientId,
            @Nullable Collection<String> siteIds,
            @Nullable AppointmentType type,
            @Nullable AppointmentStatus status,
            @Nullable Instant from,
            @Nullable Instant to,
            Pageable pageable) {
        Criteria criteria = new Criteria();
        if (patientId != null) {
            criteria = criteria.and("patientId").is(patientId);
        }
        if (siteIds != null) {
            criteria = criteria.and("siteId").in(siteIds);
        }
        if (type != null) {
            criteria = criteria.and("type").is(type);
        }
        if (status != null) {
            criteria = criteria.and("status").is(status);
        }
        if (from != null && to != null) {
            criteria = criteria.and("startsAt").gte(from).lt(to);
        } else if (from != null) {
            criteria = criteria.and("startsAt").gte(from);
        } else if (to != null) {
            criteria = criteria.and("startsAt").lt(to);
        }
        Query query = Query.query(criteria);
        long total = mongo.count(query, Appointment.class);
        List<Appointment> content = mongo.find(
                Query.query(criteria)
                        .with(Sort.by("startsAt", "_id"))
                        .skip(pageable.getOffset())
                        .limit(pageable.getPageSize()),
                Appointment.class);
        return new PageImpl<>(content, pageable, total);
    }
}
