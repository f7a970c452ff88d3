/** Sites in MongoDB ({@code sites}), each with its outbox. */
@NullMarked
package org.clinicops.scheduling.sites.adapter.mongo;

import org.jspecify.annotations.NullMarked;
