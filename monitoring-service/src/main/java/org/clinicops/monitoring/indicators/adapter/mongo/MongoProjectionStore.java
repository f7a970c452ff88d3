package org.clinicops.monitoring.indicators.adapter.mongo;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import java.io.BufferedOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.types.Binary;
import org.clinicops.monitoring.indicators.application.ProjectionStore;
import org.clinicops.monitoring.indicators.domain.ClinicFacts;
import org.clinicops.monitoring.indicators.domain.IndicatorPolicy;
import org.clinicops.monitoring.indicators.domain.IndicatorProjection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Repository;

/**
 * The projection's facts in their stored form ({@link ProjectionCodec}: a versioned header and JSON,
 * gzipped) in chunks of 4 MB ({@code projection_chunks}, {@code _id} = generation and chunk number,
 * so every read is by {@code _id}), and one pointer document in {@code projections} naming the
 * current generation and the version it was written in ({@code format}: 1 and 2 were the former
 * binary forms, a pointer without {@code format} is of format 1). A save writes a new generation,
 * then moves the pointer (one document write: readers see the old or the new copy), then deletes the
 * old chunks. A copy of another version is never read: it is {@link #outdated()} and gets rebuilt
 * from the topics.
 */
@Repository
class MongoProjectionStore implements ProjectionStore {

    static final String POINTERS = "projections";
    static final String CHUNKS = "projection_chunks";
    private static final String INDICATORS = "indicators";
    private static final int CHUNK = 4 * 1024 * 1024;

    private static final Logger log = LoggerFactory.getLogger(MongoProjectionStore.class);

    private final MongoTemplate mongo;
    private final Clock clock;

    MongoProjectionStore(MongoTemplate mongo, Clock clock) {
        this.mongo = mongo;
        this.clock = clock;
    }

    @Override
    public void save(IndicatorProjection projection) {
        String generation = UUID.randomUUID().toString();
        MongoCollection<Document> chunks = mongo.getCollection(CHUNKS);
        ChunkWriter writer = new ChunkWriter(chunks, generation);
        try (OutputStream out = new BufferedOutputStream(writer, 64 * 1024)) {
            ProjectionCodec.write(projection.document(), out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Document previous = pointer();
        mongo.getCollection(POINTERS)
                .replaceOne(
                        Filters.eq("_id", INDICATORS),
                        new Document("_id", INDICATORS)
                                .append("generation", generation)
                                .append("chunks", writer.count)
                                .append("format", ClinicFacts.VERSION)
                                .append("facts", projection.facts())
                                .append("savedAt", Date.from(clock.instant())),
                        new ReplaceOptions().upsert(true));
        if (previous != null) {
            chunks.deleteMany(
                    Filters.in("_id", chunkIds(previous.getString("generation"), previous.getInteger("chunks"))));
        }
    }

    @Override
    public Optional<IndicatorProjection> load(IndicatorPolicy policy) {
        Document pointer = pointer();
        if (pointer == null) {
            return Optional.empty();
        }
        if (formatOf(pointer) != ClinicFacts.VERSION) {
            log.warn(
                    "the stored indicator projection is of format {}, not {}: it is not read but rebuilt",
                    formatOf(pointer),
                    ClinicFacts.VERSION);
            return Optional.empty();
        }
        List<String> ids = chunkIds(pointer.getString("generation"), pointer.getInteger("chunks"));
        try (InputStream in = new ChunkReader(mongo.getCollection(CHUNKS), ids)) {
            return Optional.of(IndicatorProjection.restore(ProjectionCodec.read(in), policy));
        } catch (ProjectionCodec.UnreadableFormatException e) {
            log.warn("the stored indicator projection is unreadable ({}): it is not read but rebuilt", e.getMessage());
            return Optional.empty();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public boolean outdated() {
        Document pointer = pointer();
        return pointer != null && formatOf(pointer) != ClinicFacts.VERSION;
    }

    /** The format of the stored copy; pointers written before formats were recorded are of format 1. */
    private static int formatOf(Document pointer) {
        return pointer.getInteger("format", 1);
    }

    private Document pointer() {
        return mongo.getCollection(POINTERS).find(Filters.eq("_id", INDICATORS)).first();
    }

    private static List<String> chunkIds(String generation, int count) {
        List<String> ids = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            ids.add(chunkId(generation, i));
        }
        return ids;
    }

    private static String chunkId(String generation, int index) {
        return generation + "/" + index;
    }

    /** Buffers bytes into chunks and inserts each full one. */
    private static final class ChunkWriter extends OutputStream {
        private final MongoCollection<Document> chunks;
        private final String generation;
        private final byte[] buffer = new byte[CHUNK];
        private int used;
        int count;

        ChunkWriter(MongoCollection<Document> chunks, String generation) {
            this.chunks = chunks;
            this.generation = generation;
        }

        @Override
        public void write(int b) {
            if (used == buffer.length) {
                flushChunk();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public void write(byte[] bytes, int offset, int length) {
            while (length > 0) {
                if (used == buffer.length) {
                    flushChunk();
                }
                int n = Math.min(length, buffer.length - used);
                System.arraycopy(bytes, offset, buffer, used, n);
                used += n;
                offset += n;
                length -= n;
            }
        }

        private void flushChunk() {
            byte[] data = Arrays.copyOf(buffer, used);
            chunks.insertOne(new Document("_id", chunkId(generation, count)).append("data", new Binary(data)));
            count++;
            used = 0;
        }

        @Override
        public void close() {
            if (used > 0) {
                flushChunk();
            }
        }
    }

    /** Reads the chunks one after the other, each by its id. */
    private static final class ChunkReader extends InputStream {
        private final MongoCollection<Document> chunks;
        private final List<String> ids;
        private int next;
        private byte[] current = new byte[0];
        private int position;

        ChunkReader(MongoCollection<Document> chunks, List<String> ids) {
            this.chunks = chunks;
            this.ids = ids;
        }

        private boolean advance() throws IOException {
            while (position == current.length) {
                if (next == ids.size()) {
                    return false;
                }
                Document chunk = chunks.find(Filters.eq("_id", ids.get(next++))).first();
                if (chunk == null) {
                    throw new IOException("a chunk of the stored projection is missing");
                }
                current = chunk.get("data", Binary.class).getData();
                position = 0;
            }
            return true;
        }

        @Override
        public int read() throws IOException {
            return advance() ? current[position++] & 0xff : -1;
        }

        @Override
        public int read(byte[] bytes, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (!advance()) {
                return -1;
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, bytes, offset, n);
            position += n;
            return n;
        }
    }
}
