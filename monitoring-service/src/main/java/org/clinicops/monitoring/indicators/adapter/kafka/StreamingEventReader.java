package org.clinicops.monitoring.indicators.adapter.kafka;

import java.lang.annotation.Annotation;
import java.lang.invoke.MethodHandle;
import java.lang.invoke.MethodHandles;
import java.lang.invoke.MethodType;
import java.lang.reflect.Constructor;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.clinicops.events.ClinicEvent;
import org.jspecify.annotations.Nullable;
import tools.jackson.core.JsonParser;
import tools.jackson.core.JsonToken;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JavaType;
import tools.jackson.databind.ObjectReader;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads an event body straight into its record with the streaming parser: one pass over the tokens,
 * each field stored by the position of its record component, the canonical constructor called once
 * (no property buffer, no spreading of arguments on every call). It reads only the plain forms the
 * platform writes (strings, plain UTC instants, decimal strings, ints, booleans, enum names, nested
 * lists and objects handed to the mapper); for anything else (a missing or repeated field, a null
 * for a primitive, another token than expected, a constructor that refuses the values, malformed
 * JSON) it answers nothing, and the caller reads the body with the event class's {@link
 * ObjectReader} as before, so an off-contract body has exactly the outcome it had.
 */
final class StreamingEventReader {

    private enum Kind {
        STRING,
        INSTANT,
        DECIMAL,
        INT,
        BOXED_INT,
        LONG,
        BOXED_LONG,
        BOOLEAN,
        BOXED_BOOLEAN,
        ENUM,
        NESTED
    }

    private final JsonMapper mapper;
    private final Map<String, Integer> index = new HashMap<>();
    private final Kind[] kinds;
    private final boolean[] primitive;
    private final @Nullable Map<String, Object>[] enums;
    private final @Nullable ObjectReader[] nested;
    private final MethodHandle constructor;

    @SuppressWarnings("unchecked")
    private StreamingEventReader(JsonMapper mapper, Class<?> type) throws ReflectiveOperationException {
        this.mapper = mapper;
        RecordComponent[] components = type.getRecordComponents();
        int n = components.length;
        kinds = new Kind[n];
        primitive = new boolean[n];
        enums = new Map[n];
        nested = new ObjectReader[n];
        Class<?>[] parameters = new Class<?>[n];
        for (int i = 0; i < n; i++) {
            RecordComponent component = components[i];
            Class<?> raw = component.getType();
            parameters[i] = raw;
            primitive[i] = raw.isPrimitive();
            index.put(component.getName(), i);
            kinds[i] = kindOf(component, raw);
            if (kinds[i] == Kind.ENUM) {
                Map<String, Object> byName = new HashMap<>();
                for (Object constant : raw.getEnumConstants()) {
                    byName.put(((Enum<?>) constant).name(), constant);
                }
                enums[i] = byName;
            } else if (kinds[i] == Kind.NESTED) {
                JavaType javaType = mapper.getTypeFactory().constructType(component.getGenericType());
                // read mid-stream: the rest of the body follows the value
                nested[i] = mapper.readerFor(javaType).without(DeserializationFeature.FAIL_ON_TRAILING_TOKENS);
            }
        }
        Constructor<?> canonical = type.getDeclaredConstructor(parameters);
        constructor = MethodHandles.publicLookup()
                .unreflectConstructor(canonical)
                .asSpreader(Object[].class, n)
                .asType(MethodType.methodType(Object.class, Object[].class));
    }

    /**
     * A reader for the record class, or null when the class is not a record or one of its components
     * carries mapping annotations this reader does not interpret.
     */
    static @Nullable StreamingEventReader of(JsonMapper mapper, Class<? extends ClinicEvent> type) {
        if (!type.isRecord()) {
            return null;
        }
        try {
            for (RecordComponent component : type.getRecordComponents()) {
                if (kindOf(component, component.getType()) == null) {
                    return null;
                }
            }
            return new StreamingEventReader(mapper, type);
        } catch (ReflectiveOperationException | RuntimeException unusable) {
            return null;
        }
    }

    private static @Nullable Kind kindOf(RecordComponent component, Class<?> raw) {
        boolean annotated = false;
        for (Annotation annotation : component.getAnnotations()) {
            String name = annotation.annotationType().getName();
            if (name.startsWith("com.fasterxml.jackson") || name.startsWith("tools.jackson")) {
                annotated = true;
            }
        }
        if (raw == BigDecimal.class) {
            return Kind.DECIMAL; // written as a plain decimal string (@JsonFormat STRING), read from one
        }
        if (annotated) {
            return null;
        }
        if (raw == String.class) {
            return Kind.STRING;
        } else if (raw == Instant.class) {
            return Kind.INSTANT;
        } else if (raw == int.class) {
            return Kind.INT;
        } else if (raw == Integer.class) {
            return Kind.BOXED_INT;
        } else if (raw == long.class) {
            return Kind.LONG;
        } else if (raw == Long.class) {
            return Kind.BOXED_LONG;
        } else if (raw == boolean.class) {
            return Kind.BOOLEAN;
        } else if (raw == Boolean.class) {
            return Kind.BOXED_BOOLEAN;
        } else if (raw.isEnum()) {
            return plainEnum(raw) ? Kind.ENUM : null;
        } else if (raw.isPrimitive()) {
            return null;
        }
        return Kind.NESTED;
    }

    /** An enum read by its constants' names: no mapping annotations, no own {@code toString}. */
    private static boolean plainEnum(Class<?> type) {
        if (Arrays.stream(type.getAnnotations())
                .anyMatch(a -> a.annotationType().getName().contains("jackson"))) {
            return false;
        }
        for (var field : type.getDeclaredFields()) {
            if (field.isEnumConstant()
                    && Arrays.stream(field.getAnnotations())
                            .anyMatch(a -> a.annotationType().getName().contains("jackson"))) {
                return false;
            }
        }
        for (var method : type.getDeclaredMethods()) {
            if (method.getName().equals("toString") && method.getParameterCount() == 0) {
                return false;
            }
            if (Arrays.stream(method.getAnnotations())
                    .anyMatch(a -> a.annotationType().getName().contains("jackson"))) {
                return false;
            }
        }
        return true;
    }

    /** The event, or null when the body is not of the plain form (the caller then uses the mapper). */
    @Nullable
    ClinicEvent read(byte[] body) {
        Object[] values = new Object[kinds.length];
        boolean[] seen = new boolean[kinds.length];
        try (JsonParser parser = mapper.createParser(body)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            for (JsonToken token = parser.nextToken(); token != JsonToken.END_OBJECT; token = parser.nextToken()) {
                if (token != JsonToken.PROPERTY_NAME) {
                    return null;
                }
                Integer at = index.get(parser.currentName());
                JsonToken value = parser.nextToken();
                if (at == null) {
                    parser.skipChildren(); // an unknown field, ignored as the mapper ignores it
                    continue;
                }
                int i = at;
                if (seen[i]) {
                    return null;
                }
                seen[i] = true;
                if (value == JsonToken.VALUE_NULL) {
                    if (primitive[i]) {
                        return null;
                    }
                    continue; // null, as the mapper gives for a reference type
                }
                Object read = value(i, value, parser);
                if (read == null) {
                    return null;
                }
                values[i] = read;
            }
            if (parser.nextToken() != null) {
                return null;
            }
        } catch (RuntimeException malformed) {
            return null;
        }
        for (boolean s : seen) {
            if (!s) {
                return null;
            }
        }
        try {
            Object made = constructor.invokeExact(values); // exact: (Object[]) Object
            return (ClinicEvent) made;
        } catch (Throwable refused) {
            return null;
        }
    }

    private @Nullable Object value(int i, JsonToken token, JsonParser parser) {
        switch (kinds[i]) {
            case STRING:
                return token == JsonToken.VALUE_STRING ? parser.getString() : null;
            case INSTANT:
                return token == JsonToken.VALUE_STRING ? FastInstants.parse(parser.getString()) : null;
            case DECIMAL:
                return token == JsonToken.VALUE_STRING ? plainDecimal(parser.getString()) : null;
            case INT:
            case BOXED_INT:
                return token == JsonToken.VALUE_NUMBER_INT && parser.getNumberType() == JsonParser.NumberType.INT
                        ? (Object) parser.getIntValue()
                        : null;
            case LONG:
            case BOXED_LONG:
                return token == JsonToken.VALUE_NUMBER_INT
                                && (parser.getNumberType() == JsonParser.NumberType.INT
                                        || parser.getNumberType() == JsonParser.NumberType.LONG)
                        ? (Object) parser.getLongValue()
                        : null;
            case BOOLEAN:
            case BOXED_BOOLEAN:
                return token == JsonToken.VALUE_TRUE
                        ? Boolean.TRUE
                        : token == JsonToken.VALUE_FALSE ? Boolean.FALSE : null;
            case ENUM:
                Map<String, Object> byName = enums[i];
                return token == JsonToken.VALUE_STRING && byName != null ? byName.get(parser.getString()) : null;
            case NESTED:
                ObjectReader reader = nested[i];
                return reader == null ? null : reader.readValue(parser);
            default:
                return null;
        }
    }

    /** A decimal of the plain form ({@code -12.50}), or null for any other text. */
    private static @Nullable BigDecimal plainDecimal(String text) {
        int length = text.length();
        int start = length > 0 && text.charAt(0) == '-' ? 1 : 0;
        if (length == start || length > 40) {
            return null;
        }
        boolean point = false;
        for (int i = start; i < length; i++) {
            char c = text.charAt(i);
            if (c == '.') {
                if (point || i == start || i == length - 1) {
                    return null;
                }
                point = true;
            } else if (c < '0' || c > '9') {
                return null;
            }
        }
        return new BigDecimal(text);
    }
}
