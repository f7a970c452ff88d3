package org.clinicops.platform.security;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Security settings shared by every service ({@code clinic.security.*}).
 *
 * @param maxRequestSize the largest request body accepted (413 beyond)
 * @param audit whether API calls and page requests are written to the audit trail
 */
@ConfigurationProperties("clinic.security")
public record ClinicSecurityProperties(
        @DefaultValue("256KB") DataSize maxRequestSize,
        @DefaultValue("true") boolean audit) {}
