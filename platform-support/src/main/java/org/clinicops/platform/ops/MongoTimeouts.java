package org.clinicops.platform.ops;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * How long the MongoDB driver waits before it gives up ({@code clinic.mongo.*}), so a request during
 * a database outage fails fast with 503 instead of waiting the driver's default 30 s for a server.
 * Options in the connection string ({@code serverSelectionTimeoutMS}, …) win over these.
 *
 * @param serverSelectionTimeout how long an operation waits for a reachable server
 * @param connectTimeout how long opening a connection may take
 * @param socketTimeout how long a read on an open connection may take (a hung server)
 */
@ConfigurationProperties("clinic.mongo")
public record MongoTimeouts(
        @DefaultValue("3s") Duration serverSelectionTimeout,
        @DefaultValue("2s") Duration connectTimeout,
        @DefaultValue("10s") Duration socketTimeout) {}
