package org.clinicops.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.oplog.NoopOplog;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * An update must never change a document object the store's map holds: H2's background writer may be
 * serializing it at that moment (the store's "background writer failed" panic). Each case keeps the
 * object the map held before the update and checks it afterwards.
 */
class CopyOnUpdateCollectionTest {

    private final MVStore store = new MVStore.Builder().open();
    private final MongoCollection<?> requests =
            new IndexedH2Backend(store).resolveDatabase("intake").createCollectionOrThrowIfExists("requests");
    private final MVMap<Object, Document> stored = store.openMap(
            "databases.intake.requests", new MVMap.Builder<Object, Document>().valueType(DocumentValueType.INSTANCE));

    @AfterEach
    void close() {
        store.close();
    }

    private static Document request(String status, int version) {
        return new Document("_id", "req_1")
                .append("status", status)
                .append("version", version)
                .append("outbox", new Document("evt_1", "consultation-requested"));
    }

    @Test
    void aVersionedUpdateStoresANewObjectAndLeavesTheOneTheMapHeldAsItWas() {
        requests.addDocument(request("SUBMITTED", 1));
        Document held = stored.get("req_1");

        Document result = requests.updateDocuments(
                new Document("_id", "req_1").append("version", 1),
                new Document("$set", new Document("status", "SCHEDULED"))
                        .append("$inc", new Document("version", 1))
                        .append("$unset", new Document("outbox", "")),
                ArrayFilters.empty(),
                false,
                false,
                NoopOplog.get());

        assertThat(result).containsEntry("n", 1).containsEntry("nModified", 1);
        assertThat(held).isEqualTo(request("SUBMITTED", 1));
        assertThat(stored.get("req_1"))
                .isNotSameAs(held)
                .isEqualTo(new Document("_id", "req_1")
                        .append("status", "SCHEDULED")
                        .append("version", 2));
    }

    @Test
    void aFindAndModifyStoresANewObjectToo() {
        requests.addDocument(request("SUBMITTED", 1));
        Document held = stored.get("req_1");

        Document answer = requests.findAndModify(new Document("findAndModify", "requests")
                .append("query", new Document("_id", "req_1"))
                .append("update", new Document("$set", new Document("status", "WITHDRAWN")))
                .append("new", true));

        assertThat(held).isEqualTo(request("SUBMITTED", 1));
        assertThat((Document) answer.get("value")).containsEntry("status", "WITHDRAWN");
        assertThat(stored.get("req_1")).isNotSameAs(held).containsEntry("status", "WITHDRAWN");
    }

    @Test
    void aReplacementFoundByAScanLeavesTheHeldObjectAsItWasAndAReadSeesTheNewOne() {
        requests.addDocument(request("SUBMITTED", 1));
        Document held = stored.get("req_1");

        requests.updateDocuments(
                new Document("status", "SUBMITTED"), // no index on status: the update scans the map
                request("DECLINED", 2),
                ArrayFilters.empty(),
                false,
                false,
                NoopOplog.get());

        assertThat(held).isEqualTo(request("SUBMITTED", 1));
        assertThat(requests.handleQueryAsStream(new Document("_id", "req_1"))).containsExactly(request("DECLINED", 2));
    }
}
