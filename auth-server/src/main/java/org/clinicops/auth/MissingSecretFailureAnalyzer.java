package org.clinicops.auth;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns a missing secret into a short "APPLICATION FAILED TO START" report instead of a stack trace. */
class MissingSecretFailureAnalyzer extends AbstractFailureAnalyzer<MissingSecretException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, MissingSecretException cause) {
        return new FailureAnalysis(
                "The auth server needs " + cause.property() + " and it is not set. Secrets are never kept in"
                        + " the repository, so there is no default.",
                "Set the environment variable " + cause.environmentVariable() + " (./clinic up generates one"
                        + " under var/auth/ and passes it on), or the property " + cause.property() + ".",
                cause);
    }
}
