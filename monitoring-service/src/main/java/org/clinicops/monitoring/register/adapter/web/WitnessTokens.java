package org.clinicops.monitoring.register.adapter.web;

import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.stereotype.Component;

/**
 * The witness's own sign-in on an API call: a second access token in the {@value #HEADER} header,
 * issued to the witness by the same authorization server ({@code ./clinic token nurse2-bos}) and
 * checked by the very decoder that checks the caller's bearer token (signature, issuer, expiry,
 * {@code typ at+jwt}, audience {@code monitoring-service}). Its claims say who the witness is; {@code
 * WitnessPolicy} then requires a nurse or clinician of the site who is not the caller. A token that
 * does not verify is a 400 naming the header (the caller's own sign-in is fine; the witness's is not).
 */
@Component
public class WitnessTokens {

    /** The header carrying the witness's access token. */
    public static final String HEADER = "X-Witness-Token";

    /** Access tokens are a few kilobytes at most. */
    public static final int MAX_LENGTH = 8192;

    private final JwtDecoder decoder;

    WitnessTokens(JwtDecoder decoder) {
        this.decoder = decoder;
    }

    /** The witness the token signs in, or null when no token was sent. */
    public @Nullable StaffUser witness(@Nullable String header) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String token = header.regionMatches(true, 0, "Bearer ", 0, 7)
                ? header.substring(7).strip()
                : header.strip();
        try {
            return StaffUser.fromClaims(decoder.decode(token).getClaims());
        } catch (JwtException | IllegalArgumentException e) {
            throw new InvalidRequestException(
                    HEADER,
                    "is not a valid sign-in of the witness (expired, altered, or not an access token for monitoring)");
        }
    }
}
