package org.clinicops.monitoring.indicators.adapter.mongo;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.clinicops.monitoring.indicators.domain.ClinicFacts;
import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.module.SimpleModule;

/**
 * The stored form of the indicator facts: gzip of one header line, {@code clinicops-indicator-facts
 * <version>}, followed by {@link ClinicFacts.Document} as JSON (records as objects, enum values by
 * name, times as epoch nanoseconds, amounts as decimal numbers, the folded event ids as base-64 of 12
 * bytes each). A copy whose header names another version than {@link ClinicFacts#VERSION}, or that
 * has no header, is refused ({@link UnreadableFormatException}), never misread: it is rebuilt from the
 * topics.
 */
final class ProjectionCodec {

    static final String HEADER = "clinicops-indicator-facts ";

    private ProjectionCodec() {}

    static void write(ClinicFacts.Document document, OutputStream target) throws IOException {
        try (GZIPOutputStream out = new GZIPOutputStream(target, 64 * 1024)) {
            out.write((HEADER + ClinicFacts.VERSION + "\n").getBytes(StandardCharsets.US_ASCII));
            JsonMapper.builder().build().writeValue(out, document);
        }
    }

    static ClinicFacts.Document read(InputStream source) throws IOException {
        try (InputStream in = new GZIPInputStream(source, 64 * 1024)) {
            int version = version(in);
            if (version != ClinicFacts.VERSION) {
                throw new UnreadableFormatException(version);
            }
            return reader().readValue(in, ClinicFacts.Document.class);
        }
    }

    /** The version the header line names, -1 without a header. */
    private static int version(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        for (int b = in.read(); b != '\n'; b = in.read()) {
            if (b < 0 || line.size() > 64) {
                return -1;
            }
            line.write(b);
        }
        String header = line.toString(StandardCharsets.US_ASCII);
        if (!header.startsWith(HEADER)) {
            return -1;
        }
        try {
            return Integer.parseInt(header.substring(HEADER.length()));
        } catch (NumberFormatException notANumber) {
            return -1;
        }
    }

    /** A reader that keeps one instance of each string: site, patient, plan ids recur in many objects. */
    private static JsonMapper reader() {
        Map<String, String> shared = new HashMap<>();
        return JsonMapper.builder()
                .addModule(new SimpleModule("shared-strings")
                        .addDeserializer(String.class, new ValueDeserializer<String>() {
                            @Override
                            public String deserialize(JsonParser p, DeserializationContext ctxt) {
                                return share(shared, p.getString());
                            }
                        })
                        .addKeyDeserializer(String.class, new KeyDeserializer() {
                            @Override
                            public Object deserializeKey(String key, DeserializationContext ctxt) {
                                return share(shared, key);
                            }
                        }))
                .build();
    }

    private static String share(Map<String, String> shared, String value) {
        String known = shared.putIfAbsent(value, value);
        return known == null ? value : known;
    }

    /** A stored copy of another version than {@link ClinicFacts#VERSION}: it is rebuilt, never read. */
    static final class UnreadableFormatException extends IOException {
        private static final long serialVersionUID = 1L;

        UnreadableFormatException(int version) {
            super("stored indicator facts of version " + version + ", not " + ClinicFacts.VERSION
                    + ": rebuild the projection");
        }
    }
}
