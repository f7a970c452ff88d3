/**
 * Sites intake knows from site-updated (a read model, newest {@code updatedAt} wins); requests name
 * one of them, and a site's physicians decide its requests.
 */
@NullMarked
package org.clinicops.intake.sites;

import org.jspecify.annotations.NullMarked;
