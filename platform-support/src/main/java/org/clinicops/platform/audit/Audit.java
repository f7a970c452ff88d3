package org.clinicops.platform.audit;

import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.web.context.request.RequestAttributes;
import org.springframework.web.context.request.RequestContextHolder;

/**
 * Lets the code handling a request say what it touched, for the audit record written when the
 * request ends: the site whose data it was, the object and the patient. What a handler does not say
 * is taken from the request path ({@code /api/invoices/{id}} gives object {@code invoices/<id>}).
 */
public final class Audit {

    static final String SITE = Audit.class.getName() + ".site";
    static final String OBJECT = Audit.class.getName() + ".object";
    static final String PATIENT = Audit.class.getName() + ".patient";
    static final String PATIENTS = Audit.class.getName() + ".patients";

    /** The most patient ids one entry records; a page of a list read is never larger. */
    public static final int MAX_PATIENTS_PER_ENTRY = 500;

    private Audit() {}

    /** The site whose data the request reads or changes. */
    public static void site(@Nullable String siteId) {
        set(SITE, siteId);
    }

    /** The object the request reads or changes, e.g. {@code ("invoice", "inv_…")}. */
    public static void object(String type, @Nullable String id) {
        set(OBJECT, id == null ? type : type + "/" + id);
    }

    /** The pseudonymous patient whose data the request reads or changes. */
    public static void patient(@Nullable String patientId) {
        set(PATIENT, patientId);
    }

    /**
     * The pseudonymous patients whose data a list read carried (every patient id in the page
     * answered, duplicates removed, in order). Calling it again adds to the list.
     */
    public static void patients(Collection<String> patientIds) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes == null || patientIds.isEmpty()) {
            return;
        }
        @SuppressWarnings("unchecked")
        Set<String> recorded = (Set<String>) attributes.getAttribute(PATIENTS, RequestAttributes.SCOPE_REQUEST);
        if (recorded == null) {
            recorded = new LinkedHashSet<>();
            attributes.setAttribute(PATIENTS, recorded, RequestAttributes.SCOPE_REQUEST);
        }
        for (String id : patientIds) {
            if (id != null && recorded.size() < MAX_PATIENTS_PER_ENTRY) {
                recorded.add(id);
            }
        }
    }

    private static void set(String name, @Nullable String value) {
        RequestAttributes attributes = RequestContextHolder.getRequestAttributes();
        if (attributes != null && value != null) {
            attributes.setAttribute(name, value, RequestAttributes.SCOPE_REQUEST);
        }
    }
}
