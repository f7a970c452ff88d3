/**
 * Paging as the application layer speaks it: which page to read ({@link
 * org.clinicops.platform.paging.PageRequest}) and what came back ({@link
 * org.clinicops.platform.paging.Page}), plain records, so that use cases and their ports never name
 * Spring Data; {@link org.clinicops.platform.paging.SpringDataPages} converts at the adapters.
 */
@NullMarked
package org.clinicops.platform.paging;

import org.jspecify.annotations.NullMarked;
