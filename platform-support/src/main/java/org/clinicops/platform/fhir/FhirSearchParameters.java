package org.clinicops.platform.fhir;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * A search's own parameters as the client gave them, in order, for the links of its answer
 * ({@link FhirBundles#searchSet}): a parameter that was absent or blank is left out.
 *
 * <pre>{@code
 * FhirSearchParameters.given().add("patient", patient).add("date", dates).add("status", status)
 * }</pre>
 */
public final class FhirSearchParameters {

    private final Map<String, List<String>> given = new LinkedHashMap<>();

    private FhirSearchParameters() {}

    /** No parameter yet. */
    public static FhirSearchParameters given() {
        return new FhirSearchParameters();
    }

    /** A parameter given once ({@code patient=Patient/p1}); left out when absent or blank. */
    public FhirSearchParameters add(String name, @Nullable String value) {
        if (value != null && !value.isBlank()) {
            given.put(name, List.of(value));
        }
        return this;
    }

    /** A parameter that may be repeated ({@code date=ge2026-01-01&date=lt2026-02-01}); left out when absent. */
    public FhirSearchParameters add(String name, @Nullable List<String> values) {
        if (values != null && !values.isEmpty()) {
            given.put(name, List.copyOf(values));
        }
        return this;
    }

    /** The parameters by name, in the order they were added. */
    public Map<String, List<String>> asMap() {
        return Collections.unmodifiableMap(given);
    }
}
