package org.clinicops.localstack;

import de.bwaldvogel.mongo.bson.Document;
import de.bwaldvogel.mongo.wire.bson.BsonDecoder;
import de.bwaldvogel.mongo.wire.bson.BsonEncoder;
import io.netty.buffer.ByteBuf;
import io.netty.buffer.Unpooled;
import java.nio.ByteBuffer;
import java.util.Collection;
import java.util.Map;
import org.h2.mvstore.DataUtils;
import org.h2.mvstore.WriteBuffer;
import org.h2.mvstore.type.ObjectDataType;

/**
 * How the store writes documents to disk: as BSON, the encoding the wire protocol already uses,
 * instead of upstream's Java serialization. Writing and reading pages of documents was three
 * quarters of the store's CPU under load, and the upstream memory estimate (a flat 10 kB a
 * document) let the page cache hold only a few thousand documents, so pages were read again and
 * again. Anything that is not a document is written as before, and pages written by the upstream
 * backend are still read: a BSON value carries a tag byte that upstream never writes.
 */
final class DocumentValueType extends ObjectDataType {

    static final DocumentValueType INSTANCE = new DocumentValueType();

    /** Unused by {@link ObjectDataType}, whose tags are 0-49 and 64-119. */
    private static final byte BSON_DOCUMENT = 60;

    /** An index key as BSON ({@link IndexedH2Backend.IndexKeyType}). */
    static final byte BSON_INDEX_KEY = 61;

    @Override
    public void write(WriteBuffer buffer, Object value) {
        if (value instanceof Document document) {
            writeBson(buffer, BSON_DOCUMENT, document);
        } else {
            super.write(buffer, value);
        }
    }

    @Override
    public Object read(ByteBuffer buffer) {
        return buffer.get(buffer.position()) == BSON_DOCUMENT ? readBson(buffer) : super.read(buffer);
    }

    /** Writes the tag, the length and the document's BSON. */
    static void writeBson(WriteBuffer buffer, byte tag, Document document) {
        ByteBuf bson = Unpooled.buffer(256);
        try {
            BsonEncoder.encodeDocument(document, bson);
            int length = bson.readableBytes();
            buffer.put(tag).putVarInt(length);
            buffer.put(bson.array(), bson.arrayOffset() + bson.readerIndex(), length);
        } finally {
            bson.release();
        }
    }

    /** Reads what {@link #writeBson} wrote, tag included. */
    static Document readBson(ByteBuffer buffer) {
        buffer.get();
        int length = DataUtils.readVarInt(buffer);
        ByteBuffer slice = buffer.slice();
        slice.limit(length);
        buffer.position(buffer.position() + length);
        return BsonDecoder.decodeBson(Unpooled.wrappedBuffer(slice));
    }

    @Override
    public int getMemory(Object value) {
        return value instanceof Document document ? estimate(document) : super.getMemory(value);
    }

    /**
     * A size on the heap, cheap to compute, on the high side (decoded documents measured about a
     * third above the plain sum of their parts): what the page cache counts its pages by, so it
     * must not undercount or the cache outgrows the heap.
     */
    static int estimate(Object value) {
        return sizeOf(value) * 3 / 2;
    }

    private static int sizeOf(Object value) {
        if (value instanceof Map<?, ?> map) {
            int size = 64;
            for (Map.Entry<?, ?> entry : map.entrySet()) {
                size += 48 + ((String) entry.getKey()).length() + sizeOf(entry.getValue());
            }
            return size;
        }
        if (value instanceof Collection<?> collection) {
            int size = 40;
            for (Object element : collection) {
                size += 8 + sizeOf(element);
            }
            return size;
        }
        if (value instanceof CharSequence text) {
            return 48 + text.length();
        }
        if (value instanceof byte[] bytes) {
            return 24 + bytes.length;
        }
        return 24;
    }
}
