package org.clinicops.auth.clients;

import java.util.List;
import java.util.Optional;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;

/**
 * Who a client acts as when it gets a token for itself (client credentials): the subject, roles and
 * sites its tokens carry. Kept in the client's settings.
 */
public record ServiceAccount(String subject, List<String> roles, List<String> sites) {

    static final String SETTING = "clinic.service-account";

    public ServiceAccount {
        roles = List.copyOf(roles);
        sites = List.copyOf(sites);
    }

    /** The service account of a registered client, if it has one. */
    public static Optional<ServiceAccount> of(RegisteredClient client) {
        return Optional.ofNullable(client.getClientSettings().getSetting(SETTING));
    }
}
