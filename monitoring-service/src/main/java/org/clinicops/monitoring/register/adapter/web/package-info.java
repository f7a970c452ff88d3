/** The register's API, its reports (CSV and PDF) and the witness's sign-in. */
@NullMarked
package org.clinicops.monitoring.register.adapter.web;

import org.jspecify.annotations.NullMarked;
