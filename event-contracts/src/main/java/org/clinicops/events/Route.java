package org.clinicops.events;

/** How the drug is given: intravenous infusion, IV push or esketamine nasal spray. */
public enum Route {
    IV_INFUSION,
    IV_PUSH,
    NASAL
}
