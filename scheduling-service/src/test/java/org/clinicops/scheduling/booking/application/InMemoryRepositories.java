package org.clinicops.scheduling.booking.application;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.BiConsumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.scheduling.booking.adapter.mongo.MongoBookingStores;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.clinicops.scheduling.booking.domain.AppointmentStatus;
import org.clinicops.scheduling.booking.domain.PatientHolds;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.clinicops.scheduling.sites.domain.Site;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.dao.OptimisticLockingFailureException;
import org.springframework.data.mapping.PersistentPropertyAccessor;
import org.springframework.data.mongodb.core.convert.MappingMongoConverter;
import org.springframework.data.mongodb.core.convert.MongoCustomConversions;
import org.springframework.data.mongodb.core.convert.NoOpDbRefResolver;
import org.springframework.data.mongodb.core.mapping.MongoMappingContext;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;

/**
 * The repositories of the booking use cases kept in memory, for tests that run thousands of command
 * sequences. Each aggregate is stored as the document the real mapping writes and read back as a new
 * instance (so a change not saved is lost, as with MongoDB), with optimistic locking on {@code
 * @Version} and a duplicate-key error on a second insert.
 */
final class InMemoryRepositories {

    private final MappingMongoConverter converter;
    private final MongoMappingContext context;

    InMemoryRepositories() {
        MongoCustomConversions conversions = new MongoCustomConversions(List.of());
        context = new MongoMappingContext();
        context.setSimpleTypeHolder(conversions.getSimpleTypeHolder());
        context.afterPropertiesSet();
        converter = new MappingMongoConverter(NoOpDbRefResolver.INSTANCE, context);
        converter.setCustomConversions(conversions);
        converter.afterPropertiesSet();
    }

    /**
     * How items are stored: as themselves (an aggregate mapped by its annotations), or through the
     * document class the service's store maps them to; {@code written} hears of the stored object whose
     * version was just set.
     */
    record Mapping<T>(
            Class<?> storedType,
            Function<T, Object> toStored,
            Function<Object, T> fromStored,
            BiConsumer<T, Object> written) {

        static <T> Mapping<T> asItself(Class<T> type) {
            return new Mapping<>(type, item -> item, type::cast, (item, stored) -> {});
        }
    }

    /** Appointments stored as the documents {@code MongoAppointmentRepository} writes. */
    static final Mapping<Appointment> APPOINTMENTS = new Mapping<>(
            MongoBookingStores.appointmentDocumentType(),
            MongoBookingStores::appointmentDocument,
            MongoBookingStores::appointmentOf,
            (appointment, stored) -> appointment.markStored(MongoBookingStores.appointmentVersion(stored)));

    /** One collection of one aggregate type, by id. */
    final class Store<T> {

        private final Mapping<T> mapping;
        private final MongoPersistentEntity<?> entity;
        private final Map<String, Document> documents = new LinkedHashMap<>();
        private final Map<String, Map.Entry<Document, T>> views = new java.util.HashMap<>();

        Store(Mapping<T> mapping) {
            this.mapping = mapping;
            this.entity = context.getRequiredPersistentEntity(mapping.storedType());
        }

        synchronized Optional<T> findById(String id) {
            Document doc = documents.get(id);
            return doc == null ? Optional.empty() : Optional.of(read(doc));
        }

        synchronized boolean existsById(String id) {
            return documents.containsKey(id);
        }

        synchronized List<T> findAll(Predicate<T> filter) {
            return findAll(doc -> true, filter);
        }

        /** The items whose stored document passes {@code stored} (read only those) and then {@code filter}. */
        synchronized List<T> findAll(Predicate<Document> stored, Predicate<T> filter) {
            List<T> found = new ArrayList<>();
            for (Document doc : documents.values()) {
                if (!stored.test(doc)) {
                    continue;
                }
                T item = read(doc);
                if (filter.test(item)) {
                    found.add(item);
                }
            }
            return found;
        }

        synchronized T insert(T item) {
            Object stored = mapping.toStored().apply(item);
            Document doc = write(stored);
            String id = String.valueOf(doc.get("_id"));
            if (documents.containsKey(id)) {
                throw new DuplicateKeyException("duplicate key " + id);
            }
            setVersion(stored, doc, 0L);
            mapping.written().accept(item, stored);
            documents.put(id, doc);
            return item;
        }

        synchronized T save(T item) {
            Object written = mapping.toStored().apply(item);
            Document doc = write(written);
            String id = String.valueOf(doc.get("_id"));
            Document stored = documents.get(id);
            if (entity.hasVersionProperty()) {
                Object mine = doc.get(entity.getRequiredVersionProperty().getFieldName());
                if (stored == null) {
                    if (mine != null) {
                        throw new OptimisticLockingFailureException("no document " + id + " of version " + mine);
                    }
                    setVersion(written, doc, 0L);
                } else {
                    Object theirs =
                            stored.get(entity.getRequiredVersionProperty().getFieldName());
                    if (!Objects.equals(mine, theirs)) {
                        throw new OptimisticLockingFailureException(
                                "document " + id + " is at version " + theirs + ", not " + mine);
                    }
                    setVersion(written, doc, ((Number) theirs).longValue() + 1);
                }
            }
            mapping.written().accept(item, written);
            documents.put(id, doc);
            return item;
        }

        /**
         * The items passing {@code filter}, read once per stored version and shared: for callers that
         * only look (the invariants), never for use cases, which change what they load.
         */
        synchronized List<T> viewAll(Predicate<T> filter) {
            List<T> found = new ArrayList<>();
            for (Map.Entry<String, Document> entry : documents.entrySet()) {
                Map.Entry<Document, T> cached = views.get(entry.getKey());
                if (cached == null || cached.getKey() != entry.getValue()) {
                    cached = Map.entry(entry.getValue(), read(entry.getValue()));
                    views.put(entry.getKey(), cached);
                }
                if (filter.test(cached.getValue())) {
                    found.add(cached.getValue());
                }
            }
            return found;
        }

        synchronized int size() {
            return documents.size();
        }

        private void setVersion(Object stored, Document doc, long version) {
            if (!entity.hasVersionProperty()) {
                return;
            }
            PersistentPropertyAccessor<Object> accessor = entity.getPropertyAccessor(stored);
            accessor.setProperty(entity.getRequiredVersionProperty(), version);
            doc.put(entity.getRequiredVersionProperty().getFieldName(), version);
        }

        private Document write(Object stored) {
            Document doc = new Document();
            converter.write(stored, doc);
            doc.remove("_class");
            // the relay publishes an outbox as soon as it is stored: keep the documents small
            doc.remove(AggregateRoot.OUTBOX_FIELD);
            return doc;
        }

        private T read(Document doc) {
            return mapping.fromStored().apply(converter.read(mapping.storedType(), new Document(doc)));
        }
    }

    <T> Store<T> store(Class<T> type) {
        return new Store<>(Mapping.asItself(type));
    }

    <T> Store<T> store(Mapping<T> mapping) {
        return new Store<>(mapping);
    }

    static AppointmentRepository appointments(Store<Appointment> store) {
        return new AppointmentRepository() {
            @Override
            public Optional<Appointment> findById(String id) {
                return store.findById(id);
            }

            @Override
            public List<Appointment> findAllById(java.util.Collection<String> ids) {
                return ids.stream().flatMap(id -> store.findById(id).stream()).toList();
            }

            @Override
            public boolean existsById(String id) {
                return store.existsById(id);
            }

            @Override
            public Appointment insert(Appointment appointment) {
                return store.insert(appointment);
            }

            @Override
            public List<Appointment> insertAll(List<Appointment> appointments) {
                List<Appointment> inserted = new ArrayList<>();
                for (Appointment appointment : appointments) {
                    inserted.add(store.insert(appointment));
                }
                return inserted;
            }

            @Override
            public Appointment save(Appointment appointment) {
                return store.save(appointment);
            }

            @Override
            public List<Appointment> findOfPatient(String patientId, AppointmentStatus status) {
                return store.findAll(
                        doc -> patientId.equals(doc.get("patientId"))
                                && status.name().equals(doc.get("status")),
                        a -> true);
            }

            @Override
            public List<Appointment> findOfPatient(String patientId, Collection<AppointmentStatus> statuses) {
                List<String> names = statuses.stream().map(Enum::name).toList();
                return store.findAll(
                        doc -> patientId.equals(doc.get("patientId")) && names.contains(doc.get("status")), a -> true);
            }

            @Override
            public List<Appointment> findInStatus(AppointmentStatus status) {
                return store.findAll(doc -> status.name().equals(doc.get("status")), a -> true);
            }

            @Override
            public List<Appointment> findStartingBetween(String siteId, Instant after, Instant before, int limit) {
                throw new UnsupportedOperationException("the day board is not part of the booking world");
            }

            @Override
            public Page<Appointment> findPage(AppointmentFilter filter, PageRequest page) {
                throw new UnsupportedOperationException("lists are not part of the booking world");
            }

            @Override
            public List<Appointment> findChanged(
                    Collection<String> siteIds, Instant since, Instant before, String afterId, int limit) {
                throw new UnsupportedOperationException("exports are not part of the booking world");
            }

            @Override
            public String toString() {
                return "in-memory AppointmentRepository";
            }
        };
    }

    static PatientHoldsRepository holds(Store<PatientHolds> store) {
        return new PatientHoldsRepository() {
            @Override
            public Optional<PatientHolds> findById(String patientId) {
                return store.findById(patientId);
            }

            @Override
            public PatientHolds save(PatientHolds holds) {
                return store.save(holds);
            }

            @Override
            public String toString() {
                return "in-memory PatientHoldsRepository";
            }
        };
    }

    static SiteRepository sites(Store<Site> store) {
        return new SiteRepository() {
            @Override
            public Optional<Site> findById(String id) {
                return store.findById(id);
            }

            @Override
            public List<Site> findAll() {
                return store.findAll(site -> true);
            }

            @Override
            public List<Site> findPageById(PageRequest page) {
                throw new UnsupportedOperationException("lists are not part of the booking world");
            }

            @Override
            public Site insert(Site site) {
                return store.insert(site);
            }

            @Override
            public Site save(Site site) {
                return store.save(site);
            }

            @Override
            public String toString() {
                return "in-memory SiteRepository";
            }
        };
    }
}
