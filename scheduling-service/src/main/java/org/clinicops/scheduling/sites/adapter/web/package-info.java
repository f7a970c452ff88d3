/** HTTP API of sites. */
@NullMarked
package org.clinicops.scheduling.sites.adapter.web;

import org.jspecify.annotations.NullMarked;
