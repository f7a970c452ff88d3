package org.clinicops.monitoring.register.application;

import org.clinicops.monitoring.register.domain.EntryKind;

/** What the register counts as it is written: entries by site and kind (bounded labels only). */
public interface RegisterMetrics {

    /** An entry of this kind was written to a lot of the site. */
    void entryWritten(String siteId, EntryKind kind);
}
