package org.clinicops.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * mongo-java-server's H2 backend, with one change to how a query finds its documents: a unique
 * index (the {@code _id} index above all) serves every query that names all of its keys with plain
 * values, also when the query has further conditions. Upstream an index serves a query only when
 * the query names exactly the index's keys, so {@code {_id: x, version: 3}} - the optimistic-locking
 * update of every versioned save - read the whole collection. The further conditions are still
 * applied to the documents the index finds, so answers are the same; only the full scan is gone.
 */
final class IndexedH2Backend extends H2Backend {

    IndexedH2Backend(String fileName) {
        super(fileName);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName, this);
    }

    private static final class Database extends H2Database {

        Database(String name, IndexedH2Backend backend) {
            super(name, backend.getMvStore(), backend.getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            return new WiderIndex<>(super.openOrCreateUniqueIndex(collectionName, indexName, keys, sparse), sparse);
        }
    }

    /** A unique index that also serves queries with conditions beyond its keys. */
    static final class WiderIndex<P> extends Index<P> {

        private final Index<P> index;

        WiderIndex(Index<P> index, boolean sparse) {
            super(index.getName(), index.getKeys(), sparse);
            this.index = index;
        }

        /** The query's conditions on this index's keys, if it names all of them. */
        private @Nullable Document keysOf(Document query) {
            Document keys = new Document();
            for (IndexKey key : getKeys()) {
                if (!query.containsKey(key.getKey())) {
                    return null;
                }
                keys.put(key.getKey(), query.get(key.getKey()));
            }
            return keys;
        }

        @Override
        public boolean canHandle(Document query) {
            if (index.canHandle(query)) {
                return true;
            }
            Document keys = keysOf(query);
            return keys != null && index.canHandle(keys);
        }

        @Override
        public Iterable<P> getPositions(Document query) {
            if (index.canHandle(query)) {
                return index.getPositions(query);
            }
            Document keys = keysOf(query);
            if (keys == null) {
                throw new IllegalArgumentException("index " + getName() + " cannot serve this query");
            }
            return index.getPositions(keys);
        }

        @Override
        public P getPosition(Document document) {
            return index.getPosition(document);
        }

        @Override
        public void checkAdd(Document document, MongoCollection<P> collection) {
            index.checkAdd(document, collection);
        }

        @Override
        public void add(Document document, P position, MongoCollection<P> collection) {
            index.add(document, position, collection);
        }

        @Override
        public P remove(Document document) {
            return index.remove(document);
        }

        @Override
        public long getCount() {
            return index.getCount();
        }

        @Override
        public long getDataSize() {
            return index.getDataSize();
        }

        @Override
        public void checkUpdate(Document oldDocument, Document newDocument, MongoCollection<P> collection) {
            index.checkUpdate(oldDocument, newDocument, collection);
        }

        @Override
        public void updateInPlace(Document oldDocument, Document newDocument, P position, MongoCollection<P> collection)
                throws KeyConstraintError {
            index.updateInPlace(oldDocument, newDocument, position, collection);
        }

        @Override
        public void drop() {
            index.drop();
        }
    }
}
