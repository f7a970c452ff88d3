/** The session read model in MongoDB ({@code infusion_sessions}). */
@NullMarked
package org.clinicops.monitoring.sessions.adapter.mongo;

import org.jspecify.annotations.NullMarked;
