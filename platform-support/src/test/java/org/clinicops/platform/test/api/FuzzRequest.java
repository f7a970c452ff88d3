package org.clinicops.platform.test.api;

import org.jspecify.annotations.Nullable;

/**
 * One request of {@link ApiFuzz}: keep a shrunk failing one as a plain test with {@link
 * ApiFuzz#send(FuzzRequest)}.
 *
 * @param method the HTTP method
 * @param target the path with its query, already encoded
 * @param contentType the Content-Type header, or null for none
 * @param body the body, or null for none
 * @param token which token it carries
 * @param hostile what is hostile about it, in words
 */
public record FuzzRequest(
        String method,
        String target,
        @Nullable String contentType,
        @Nullable String body,
        Token token,
        String hostile) {

    /** Which token a request carries. */
    public enum Token {
        /** The harness's valid token. */
        VALID,
        NONE,
        EXPIRED,
        TAMPERED,
        /** Well formed, signed by a key the service does not trust. */
        FOREIGN_KEY
    }

    /** A request with the valid token (the one the harness was given). */
    public static FuzzRequest of(String method, String target, @Nullable String contentType, @Nullable String body) {
        return new FuzzRequest(method, target, contentType, body, Token.VALID, "");
    }

    FuzzRequest withBody(@Nullable String newBody) {
        return new FuzzRequest(method, target, contentType, newBody, token, hostile);
    }

    FuzzRequest withTarget(String newTarget) {
        return new FuzzRequest(method, newTarget, contentType, body, token, hostile);
    }

    /** The request in one line, the body cut at 300 characters. */
    @Override
    public String toString() {
        return method + " " + HostileRequests.abbreviate(target, 200)
                + (contentType == null ? "" : " [" + contentType + "]")
                + " token=" + token
                + (body == null ? "" : " body=" + HostileRequests.abbreviate(body, 300))
                + (hostile.isEmpty() ? "" : " (" + hostile + ")");
    }
}
