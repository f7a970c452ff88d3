package org.clinicops.monitoring.indicators.domain;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The {@code ce_id}s already folded, kept compact: an id of the platform's form ({@code evt_} and
 * 16 URL-safe base-64 characters, 96 bits) is packed into two longs of an open-addressing table
 * (about 27 bytes an id instead of about 100 for a {@code String} in a {@code HashSet}); any other
 * id is kept as a string.
 */
public final class EventIdSet {

    private static final String PREFIX = "evt_";
    private static final int PACKED_LENGTH = PREFIX.length() + 16;
    private static final long TAG = 1L << 40; // marks a used slot: a packed high word is at most 32 bits
    private static final byte[] VALUE = new byte[128];

    static {
        Arrays.fill(VALUE, (byte) -1);
        String alphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz_-";
        for (int i = 0; i < alphabet.length(); i++) {
            VALUE[alphabet.charAt(i)] = (byte) i;
        }
    }

    private long[] table = new long[2 * 1024];
    private int packed;
    private final Set<String> others = new HashSet<>();

    /** Adds the id; answers whether it was not there yet. */
    public boolean add(String id) {
        if (id.length() == PACKED_LENGTH && id.startsWith(PREFIX)) {
            long hi = 0;
            long lo = 0;
            boolean ok = true;
            for (int i = PREFIX.length(); i < PACKED_LENGTH; i++) {
                char c = id.charAt(i);
                int v = c < 128 ? VALUE[c] : -1;
                if (v < 0) {
                    ok = false;
                    break;
                }
                // 96 bits: the first 32 go to hi, the last 64 to lo
                hi = (hi << 6) | (lo >>> 58);
                lo = (lo << 6) | v;
            }
            if (ok) {
                return addPacked(hi | TAG, lo);
            }
        }
        return others.add(id);
    }

    public int size() {
        return packed + others.size();
    }

    private boolean addPacked(long hi, long lo) {
        if ((packed + 1) * 3L > (table.length / 2) * 2L) { // load factor 2/3
            grow();
        }
        int mask = table.length / 2 - 1;
        int slot = hash(hi, lo) & mask;
        while (true) {
            long h = table[2 * slot];
            if (h == 0) {
                table[2 * slot] = hi;
                table[2 * slot + 1] = lo;
                packed++;
                return true;
            }
            if (h == hi && table[2 * slot + 1] == lo) {
                return false;
            }
            slot = (slot + 1) & mask;
        }
    }

    private void grow() {
        long[] old = table;
        table = new long[old.length * 2];
        packed = 0;
        for (int i = 0; i < old.length; i += 2) {
            if (old[i] != 0) {
                addPacked(old[i], old[i + 1]);
            }
        }
    }

    private static int hash(long hi, long lo) {
        long h = (hi * 0x9E3779B97F4A7C15L) ^ lo;
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return (int) h;
    }

    /**
     * The ids as plain data for a stored copy: the packed ids as 12 bytes each (the 96 bits of the
     * id: the high word's low 32 bits, then the low word, big-endian), the others as they are.
     */
    public record Contents(byte[] packed, List<String> others) {}

    Contents contents() {
        ByteBuffer bytes = ByteBuffer.allocate(packed * 12);
        for (int i = 0; i < table.length; i += 2) {
            if (table[i] != 0) {
                bytes.putInt((int) table[i]);
                bytes.putLong(table[i + 1]);
            }
        }
        return new Contents(bytes.array(), new ArrayList<>(others));
    }

    static EventIdSet of(Contents contents) {
        EventIdSet ids = new EventIdSet();
        int count = contents.packed().length / 12;
        int capacity = 1024;
        while (capacity * 2L < count * 3L) {
            capacity *= 2;
        }
        ids.table = new long[2 * capacity];
        ByteBuffer bytes = ByteBuffer.wrap(contents.packed());
        for (int i = 0; i < count; i++) {
            long hi = (bytes.getInt() & 0xffff_ffffL) | TAG;
            long lo = bytes.getLong();
            ids.addPacked(hi, lo);
        }
        ids.others.addAll(contents.others());
        return ids;
    }
}
