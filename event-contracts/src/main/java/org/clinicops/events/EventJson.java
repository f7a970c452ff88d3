package org.clinicops.events;

import tools.jackson.core.StreamWriteFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.cfg.DateTimeFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The JSON mapping of event bodies. Instants are ISO-8601 strings, money is a decimal string and
 * unknown fields are ignored so that a consumer keeps working when a producer adds a field.
 *
 * <p>Decimals are written in plain notation: a {@code BigDecimal} that went through arithmetic
 * (e.g. {@code stripTrailingZeros()}) would otherwise be written as {@code "4.5E+2"}, which the
 * money pattern of the JSON Schemas rejects.
 */
public final class EventJson {

    private static final JsonMapper MAPPER = JsonMapper.builder()
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .disable(DateTimeFeature.WRITE_DATES_AS_TIMESTAMPS)
            .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
            .enable(StreamWriteFeature.WRITE_BIGDECIMAL_AS_PLAIN)
            .build();

    private EventJson() {}

    public static JsonMapper mapper() {
        return MAPPER;
    }

    public static byte[] write(ClinicEvent event) {
        return MAPPER.writeValueAsBytes(event);
    }

    public static <T extends ClinicEvent> T read(byte[] body, Class<T> type) {
        return MAPPER.readValue(body, type);
    }
}
