package org.clinicops.scheduling.booking.adapter.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import com.mongodb.client.model.InsertManyOptions;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.scheduling.booking.application.ImportedAppointments;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.mapping.MongoPersistentEntity;
import org.springframework.data.mongodb.core.mapping.MongoPersistentProperty;
import org.springframework.stereotype.Component;

/**
 * Imported appointments in {@code appointments}, mapped as the repository maps them (Spring Data's
 * converter), written with one unordered bulk insert per batch: a new document's version starts at
 * 0 as an insert through the repository would set it, and its outbox is stored empty, so the relay
 * publishes nothing of the imported past (and no save event wakes it).
 */
@Component
class MongoImportedAppointments implements ImportedAppointments {

    private final MongoTemplate mongo;

    MongoImportedAppointments(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    @Override
    public int storeAll(List<Appointment> appointments) {
        if (appointments.isEmpty()) {
            return 0;
        }
        MongoPersistentEntity<?> entity =
                mongo.getConverter().getMappingContext().getRequiredPersistentEntity(AppointmentDocument.class);
        MongoPersistentProperty version = entity.getVersionProperty();
        List<Document> docs = new ArrayList<>();
        for (Appointment appointment : appointments) {
            Document doc = new Document();
            mongo.getConverter().write(AppointmentDocument.of(appointment), doc);
            doc.put(AggregateRoot.OUTBOX_FIELD, new ArrayList<>());
            if (version != null) {
                doc.put(version.getFieldName(), 0L);
            }
            docs.add(doc);
        }
        try {
            mongo.getCollection(entity.getCollection()).insertMany(docs, new InsertManyOptions().ordered(false));
            return docs.size();
        } catch (MongoBulkWriteException e) {
            for (BulkWriteError error : e.getWriteErrors()) {
                if (ErrorCategory.fromErrorCode(error.getCode()) != ErrorCategory.DUPLICATE_KEY) {
                    throw e;
                }
            }
            return docs.size() - e.getWriteErrors().size();
        }
    }

    @Override
    public Set<String> existing(Collection<String> ids) {
        Set<String> found = new HashSet<>();
        for (Document doc : mongo.getCollection(mongo.getCollectionName(AppointmentDocument.class))
                .find(new Document("_id", new Document("$in", new ArrayList<>(ids))))
                .projection(new Document("_id", 1))) {
            found.add(doc.getString("_id"));
        }
        return found;
    }

    @Override
    public long estimatedCount() {
        return mongo.getCollection(mongo.getCollectionName(AppointmentDocument.class))
                .estimatedDocumentCount();
    }
}
