package org.clinicops.platform.patients;

import java.net.URI;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where intake answers for staff pages ({@code clinic.intake.*}).
 *
 * @param baseUrl intake's address as this service reaches it
 * @param timeout how long a page waits for names (connection and answer) before it renders with
 *     pseudonyms only
 */
@ConfigurationProperties("clinic.intake")
public record IntakeProperties(
        @DefaultValue("http://localhost:8081") URI baseUrl,
        @DefaultValue("1500ms") Duration timeout) {}
