package org.clinicops.intake.requests.adapter.web;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The rate limit of the public {@code POST /api/consultation-requests} per client address ({@code
 * clinic.intake.public-rate-limit.*}). Signed-in callers are not held by it.
 *
 * @param enabled whether anonymous requests are limited at all
 * @param capacity requests an address may make in a burst
 * @param period the time in which {@code capacity} requests are refilled (greedily, so one comes
 *     back every {@code period / capacity})
 * @param maxAddresses how many addresses are tracked at once (least recently seen are dropped), so
 *     that a flood of addresses cannot exhaust memory
 * @param trustedProxies addresses of reverse proxies whose {@code X-Forwarded-For} is believed;
 *     empty (the default) trusts no header and limits by the connection's address
 */
@ConfigurationProperties("clinic.intake.public-rate-limit")
public record PublicRateLimitProperties(
        @DefaultValue("true") boolean enabled,
        @DefaultValue("10") int capacity,
        @DefaultValue("1m") Duration period,
        @DefaultValue("100000") int maxAddresses,
        @DefaultValue List<String> trustedProxies) {

    public PublicRateLimitProperties {
        if (capacity < 1 || period.isNegative() || period.isZero() || maxAddresses < 1) {
            throw new IllegalArgumentException(
                    "clinic.intake.public-rate-limit needs capacity >= 1, a positive period and max-addresses >= 1");
        }
        trustedProxies = List.copyOf(trustedProxies);
    }
}
