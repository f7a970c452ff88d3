package org.clinicops.auth;

/**
 * A secret the server needs (a password or client secret) was not configured. Secrets never come
 * from the repository, so the server refuses to start instead of falling back to a default.
 */
public class MissingSecretException extends IllegalStateException {

    private final String property;
    private final String environmentVariable;

    public MissingSecretException(String property, String environmentVariable) {
        super(property + " is not set (environment variable " + environmentVariable + ")");
        this.property = property;
        this.environmentVariable = environmentVariable;
    }

    String property() {
        return property;
    }

    String environmentVariable() {
        return environmentVariable;
    }
}
