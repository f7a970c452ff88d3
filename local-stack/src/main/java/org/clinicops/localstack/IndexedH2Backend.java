package org.clinicops.localstack;

import de.bwaldvogel.mongo.MongoCollection;
import de.bwaldvogel.mongo.MongoDatabase;
import de.bwaldvogel.mongo.backend.AbstractUniqueIndex;
import de.bwaldvogel.mongo.backend.ArrayFilters;
import de.bwaldvogel.mongo.backend.CollectionOptions;
import de.bwaldvogel.mongo.backend.CursorRegistry;
import de.bwaldvogel.mongo.backend.DatabaseResolver;
import de.bwaldvogel.mongo.backend.Index;
import de.bwaldvogel.mongo.backend.IndexKey;
import de.bwaldvogel.mongo.backend.KeyValue;
import de.bwaldvogel.mongo.backend.Missing;
import de.bwaldvogel.mongo.backend.QueryResult;
import de.bwaldvogel.mongo.backend.ValueComparator;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import de.bwaldvogel.mongo.backend.h2.H2Collection;
import de.bwaldvogel.mongo.backend.h2.H2Database;
import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.exception.KeyConstraintError;
import de.bwaldvogel.mongo.oplog.Oplog;
import io.netty.channel.Channel;
import java.nio.ByteBuffer;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.h2.mvstore.MVMap;
import org.h2.mvstore.MVStore;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;
import org.jspecify.annotations.Nullable;

/**
 * mongo-java-server's H2 backend, with three changes to how documents and their unique indexes
 * (the {@code _id} index above all) are kept:
 *
 * <ul>
 *   <li>An index serves every query that names all of its keys with plain values, also when the
 *       query has further conditions. Upstream an index serves a query only when the query names
 *       exactly the index's keys, so {@code {_id: x, version: 3}} - the optimistic-locking update of
 *       every versioned save - read the whole collection. The further conditions are still applied
 *       to the documents the index finds, so answers are the same; only the full scan is gone.
 *   <li>Documents are written as BSON ({@link DocumentValueType}) instead of with Java
 *       serialization.
 *   <li>Index keys are ordered by value ({@link IndexKeyType}). Upstream they are ordered by their
 *       Java-serialized bytes, so every step of every index lookup serialized two keys; that was
 *       half of the store's CPU under load. Indexes written by the upstream order are copied once
 *       into the new order when the store opens.
 *   <li>An update changes a copy of each document it matches and stores the copy ({@link
 *       CopyOnUpdateCollection}); upstream changes the stored object in place, which H2's background
 *       writer may be serializing at that moment.
 * </ul>
 */
final class IndexedH2Backend extends H2Backend {

    private final @Nullable CommandStats stats = CommandStats.fromSystemProperty();

    IndexedH2Backend(MVStore store) {
        super(store);
    }

    @Override
    protected MongoDatabase openOrCreateDatabase(String databaseName) {
        return new Database(databaseName);
    }

    /**
     * An inner class on purpose: the upstream constructor already opens the indexes, before any
     * field of this class is set, and the store is reached through the enclosing backend.
     */
    private final class Database extends H2Database {

        Database(String name) {
            super(name, getMvStore(), getCursorRegistry());
        }

        @Override
        public Document handleCommand(
                Channel channel, String command, Document query, DatabaseResolver resolver, Oplog oplog) {
            if (stats == null) {
                return super.handleCommand(channel, command, query, resolver, oplog);
            }
            long start = System.nanoTime();
            try {
                return super.handleCommand(channel, command, query, resolver, oplog);
            } finally {
                stats.record(getDatabaseName(), command, query.get(command), System.nanoTime() - start);
            }
        }

        @Override
        protected MongoCollection<Object> openOrCreateCollection(String collectionName, CollectionOptions options) {
            MVStore store = getMvStore();
            String namespace = getFullCollectionNamespace(collectionName);
            MVMap<Object, Document> documents = store.openMap(
                    "databases." + namespace,
                    new MVMap.Builder<Object, Document>().valueType(DocumentValueType.INSTANCE));
            MVMap<String, Object> meta = store.openMap("meta." + namespace);
            return new CopyOnUpdateCollection(this, collectionName, options, documents, meta, getCursorRegistry());
        }

        @Override
        protected Index<Object> openOrCreateUniqueIndex(
                String collectionName, String indexName, List<IndexKey> keys, boolean sparse) {
            MVStore store = getMvStore();
            String upstreamName = upstreamMapName(collectionName, indexName);
            MVMap<KeyValue, Object> map = store.openMap(
                    upstreamName + ORDERED_SUFFIX,
                    new MVMap.Builder<KeyValue, Object>().keyType(IndexKeyType.INSTANCE));
            if (store.hasMap(upstreamName)) {
                MVMap<Object, Object> upstream = store.openMap(upstreamName);
                upstream.forEach((key, position) -> map.put((KeyValue) key, position));
                store.removeMap(upstream);
            }
            return new WiderIndex<>(new ValueOrderedIndex(map, indexName, keys, sparse), sparse);
        }

        @Override
        protected void dropIndex(MongoCollection<Object> collection, String indexName) {
            super.dropIndex(collection, indexName);
            String name = upstreamMapName(collection.getCollectionName(), indexName) + ORDERED_SUFFIX;
            if (getMvStore().hasMap(name)) {
                getMvStore().removeMap(name);
            }
        }

        /** The map name the upstream backend gives an index (its database drop removes this prefix). */
        private String upstreamMapName(String collectionName, String indexName) {
            return getFullCollectionNamespace(collectionName) + "._index_" + indexName;
        }
    }

    /**
     * An H2 collection whose updates never change a document object the map holds. Upstream's update
     * matches documents straight from the map, changes each one in place and then puts it back. An
     * H2 map's values must not change once put: its background writer serializes the pages changed
     * since the last save on its own thread, without the collection's lock, so an update that changes
     * a document it is writing fails that save ({@code ConcurrentModificationException} in the BSON
     * encoder), which panics the store (see the module's README), or writes a
     * half-changed document. Here an update or find-and-modify matches copies, so the object it
     * changes and puts is a new one. Reads still get the map's own objects, which nothing changes.
     */
    static final class CopyOnUpdateCollection extends H2Collection {

        /** Whether this collection's lock is held by an update; read and written only under it. */
        private boolean updating;

        CopyOnUpdateCollection(
                MongoDatabase database,
                String name,
                CollectionOptions options,
                MVMap<Object, Document> documents,
                MVMap<String, Object> meta,
                CursorRegistry cursors) {
            super(database, name, options, documents, meta, cursors);
        }

        @Override
        public synchronized Document updateDocuments(
                Document selector,
                Document update,
                ArrayFilters arrayFilters,
                boolean multi,
                boolean upsert,
                Oplog oplog) {
            updating = true;
            try {
                return super.updateDocuments(selector, update, arrayFilters, multi, upsert, oplog);
            } finally {
                updating = false;
            }
        }

        @Override
        public synchronized Document findAndModify(Document query) {
            updating = true;
            try {
                return super.findAndModify(query);
            } finally {
                updating = false;
            }
        }

        @Override
        protected QueryResult matchDocumentsFromStream(
                Document query,
                Stream<Document> documents,
                int skip,
                int limit,
                int batchSize,
                @Nullable Comparator<Document> order,
                @Nullable Document fields) {
            Stream<Document> matched = updating
                    ? documents
                            .filter(document -> documentMatchesQuery(document, query))
                            .map(Document::cloneDeeply)
                    : documents;
            return super.matchDocumentsFromStream(query, matched, skip, limit, batchSize, order, fields);
        }
    }

    private static final String ORDERED_SUFFIX = ".by-value";

    /** A unique index held in an H2 map whose keys are ordered by {@link IndexKeyType}. */
    static final class ValueOrderedIndex extends AbstractUniqueIndex<Object> {

        private final MVMap<KeyValue, Object> map;

        ValueOrderedIndex(MVMap<KeyValue, Object> map, String name, List<IndexKey> keys, boolean sparse) {
            super(name, keys, sparse);
            this.map = map;
        }

        @Override
        protected Object removeDocument(KeyValue key) {
            return map.remove(key);
        }

        @Override
        protected boolean putKeyPosition(KeyValue key, Object position) {
            return map.putIfAbsent(key, Missing.ofNullable(position)) == null;
        }

        @Override
        protected Iterable<Map.Entry<KeyValue, Object>> getIterable() {
            return map.entrySet();
        }

        @Override
        protected Object getPosition(KeyValue key) {
            return map.get(key);
        }

        @Override
        public long getCount() {
            return map.sizeAsLong();
        }

        @Override
        public boolean isEmpty() {
            return map.isEmpty();
        }

        @Override
        public long getDataSize() {
            return getCount();
        }
    }

    /**
     * Index keys ordered by their values, the way MongoDB compares them (numbers by value, then
     * strings, documents, ...), element by element, and written to disk as BSON. A key with a missing
     * field (sparse indexes), which BSON cannot tell from null, is written as upstream does.
     */
    static final class IndexKeyType extends ObjectDataType {

        static final IndexKeyType INSTANCE = new IndexKeyType();

        private static final ValueComparator VALUES = ValueComparator.ascWithoutListHandling();

        @Override
        public void write(WriteBuffer buffer, Object value) {
            if (value instanceof KeyValue key && key.stream().noneMatch(Missing.class::isInstance)) {
                DocumentValueType.writeBson(
                        buffer,
                        DocumentValueType.BSON_INDEX_KEY,
                        new Document("k", key.stream().toList()));
            } else {
                super.write(buffer, value);
            }
        }

        @Override
        public Object read(ByteBuffer buffer) {
            if (buffer.get(buffer.position()) != DocumentValueType.BSON_INDEX_KEY) {
                return super.read(buffer);
            }
            return new KeyValue((List<?>) DocumentValueType.readBson(buffer).get("k"));
        }

        @Override
        public int getMemory(Object value) {
            return value instanceof KeyValue key
                    ? 48 + DocumentValueType.estimate(key.stream().toList())
                    : super.getMemory(value);
        }

        @Override
        public int compare(Object a, Object b) {
            if (a instanceof KeyValue x && b instanceof KeyValue y) {
                int common = Math.min(x.size(), y.size());
                for (int i = 0; i < common; i++) {
                    int order = VALUES.compare(x.get(i), y.get(i));
                    if (order != 0) {
                        return order;
                    }
                }
                return Integer.compare(x.size(), y.size());
            }
            return super.compare(a, b);
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
