package org.clinicops.platform.fhir;

import java.util.List;
import java.util.Set;
import org.clinicops.platform.security.Role;

/**
 * A resource type a service serves: declared as a bean beside its controller, it is listed in the
 * service's {@code CapabilityStatement} ({@code GET /fhir/r4/metadata}) and README table.
 *
 * @param type the FHIR type ({@code Patient})
 * @param searchParameters what a search takes besides {@code _count} and {@code _page}; empty when
 *     the type is only read by id
 * @param roles who reads it (ADMIN always does); documentation of the service's access policy
 */
public record FhirResourceType(String type, List<SearchParameter> searchParameters, Set<Role> roles) {

    public FhirResourceType {
        searchParameters = List.copyOf(searchParameters);
        roles = Set.copyOf(roles);
    }

    /**
     * One search parameter.
     *
     * @param name as in the query ({@code patient})
     * @param type FHIR's search parameter type ({@code reference}, {@code date}, {@code token})
     * @param documentation what it matches
     */
    public record SearchParameter(String name, String type, String documentation) {}

    /** A search by the patient the resource is about. */
    public static SearchParameter patient() {
        return new SearchParameter("patient", "reference", "The patient (Patient/<id>)");
    }

    /** A search by a date with FHIR's prefixes (eq, ge, gt, le, lt; a day is a UTC day). */
    public static SearchParameter date(String name, String what) {
        return new SearchParameter(name, "date", what);
    }

    /** A search by status codes (comma-separated). */
    public static SearchParameter status(String what) {
        return new SearchParameter("status", "token", what);
    }
}
