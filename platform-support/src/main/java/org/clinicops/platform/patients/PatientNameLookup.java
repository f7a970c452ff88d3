package org.clinicops.platform.patients;

import jakarta.servlet.http.HttpServletRequest;
import java.net.http.HttpClient;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.clinicops.platform.security.StaffUser;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.JdkClientHttpRequestFactory;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.client.OAuth2AuthorizedClient;
import org.springframework.security.oauth2.client.authentication.OAuth2AuthenticationToken;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;
import org.springframework.security.oauth2.server.resource.authentication.AbstractOAuth2TokenAuthenticationToken;
import org.springframework.web.client.RestClient;
import org.springframework.web.client.RestClientException;
import org.springframework.web.client.RestClientResponseException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

/**
 * Reads the names of a page's patients from intake ({@code GET /api/patients?ids=…}) as the
 * signed-in user: their own access token (the authorized client of a page sign-in, or the bearer
 * token a script sent), so intake decides what the user may see and audits the read. One call per
 * page (at most {@value #MAX_IDS_PER_CALL} ids, more in further calls), a short timeout, nothing
 * cached, stored or logged beyond the outcome. When names cannot be read the answer says why and
 * the page renders with pseudonyms.
 */
public class PatientNameLookup {

    /** Intake answers at most this many ids per call. */
    static final int MAX_IDS_PER_CALL = 100;

    /** Roles intake shows names to (ADMIN reaches everything). */
    private static final Role[] ROLES_WITH_NAMES = {Role.ADMIN, Role.INTAKE, Role.CLINICIAN, Role.NURSE, Role.BILLING};

    /** Roles intake shows contact details to. */
    private static final Role[] ROLES_WITH_CONTACTS = {Role.ADMIN, Role.BILLING};

    /** The pseudonyms intake accepts; anything else would make the whole call a 400. */
    private static final Pattern PATIENT_ID = Pattern.compile("p_[A-Za-z0-9_-]{1,64}");

    private static final Logger LOG = LoggerFactory.getLogger(PatientNameLookup.class);

    private final RestClient intake;
    private final @Nullable OAuth2AuthorizedClientRepository authorizedClients;

    public PatientNameLookup(
            IntakeProperties properties, @Nullable OAuth2AuthorizedClientRepository authorizedClients) {
        var http = HttpClient.newBuilder()
                .connectTimeout(properties.timeout())
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
        var requests = new JdkClientHttpRequestFactory(http);
        requests.setReadTimeout(properties.timeout());
        this.intake = RestClient.builder()
                .baseUrl(properties.baseUrl().toString())
                .requestFactory(requests)
                .build();
        this.authorizedClients = authorizedClients;
    }

    /** The names of these patients the signed-in user may see, or why there are none. */
    public PatientNames namesOf(Collection<@Nullable String> patientIds) {
        Set<String> ids = new LinkedHashSet<>();
        for (String id : patientIds) {
            if (id != null && PATIENT_ID.matcher(id).matches()) {
                ids.add(id);
            }
        }
        if (ids.isEmpty()) {
            return PatientNames.none();
        }
        Optional<StaffUser> user = SiteAccess.findCurrentUser();
        if (user.isEmpty() || !user.get().hasAny(ROLES_WITH_NAMES)) {
            return PatientNames.unavailable(PatientNames.Unavailable.ROLE_DOES_NOT_SHOW_NAMES);
        }
        Optional<String> token = accessToken();
        if (token.isEmpty()) {
            return PatientNames.unavailable(PatientNames.Unavailable.NO_ACCESS_TOKEN);
        }
        boolean contacts = user.get().hasAny(ROLES_WITH_CONTACTS);
        Map<String, PatientName> names = new LinkedHashMap<>();
        List<String> all = List.copyOf(ids);
        for (int from = 0; from < all.size(); from += MAX_IDS_PER_CALL) {
            List<String> batch = all.subList(from, Math.min(all.size(), from + MAX_IDS_PER_CALL));
            PatientNames.@Nullable Unavailable failure = read(batch, token.get(), contacts, names);
            if (failure != null) {
                return PatientNames.unavailable(failure);
            }
        }
        return new PatientNames(names, null);
    }

    private PatientNames.@Nullable Unavailable read(
            List<String> batch, String token, boolean contacts, Map<String, PatientName> names) {
        try {
            Answer answer = intake.get()
                    .uri(uri -> uri.path("/api/patients")
                            .queryParam("ids", String.join(",", batch))
                            .build())
                    .accept(MediaType.APPLICATION_JSON)
                    .headers(headers -> headers.setBearerAuth(token))
                    .retrieve()
                    .body(Answer.class);
            if (answer == null || answer.patients() == null) {
                LOG.warn("Patient names: intake answered without a list of patients");
                return PatientNames.Unavailable.INTAKE_DID_NOT_ANSWER;
            }
            for (Entry entry : answer.patients()) {
                if (entry != null
                        && entry.patientId() != null
                        && entry.displayName() != null
                        && batch.contains(entry.patientId())) {
                    names.put(
                            entry.patientId(),
                            new PatientName(
                                    entry.patientId(),
                                    entry.displayName(),
                                    contacts ? entry.email() : null,
                                    contacts ? entry.phone() : null));
                }
            }
            return null;
        } catch (RestClientResponseException refused) {
            HttpStatusCode status = refused.getStatusCode();
            LOG.warn("Patient names: intake answered {}", status.value());
            return status.value() == 401 || status.value() == 403
                    ? PatientNames.Unavailable.INTAKE_REFUSED
                    : PatientNames.Unavailable.INTAKE_DID_NOT_ANSWER;
        } catch (RestClientException | IllegalArgumentException unreachable) {
            // The exception's message can carry the request URI with its ids: only the type is logged.
            LOG.warn("Patient names: intake did not answer ({})", rootType(unreachable));
            return PatientNames.Unavailable.INTAKE_DID_NOT_ANSWER;
        }
    }

    private Optional<String> accessToken() {
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication instanceof AbstractOAuth2TokenAuthenticationToken<?> bearer) {
            return Optional.of(bearer.getToken().getTokenValue());
        }
        if (authentication instanceof OAuth2AuthenticationToken login && authorizedClients != null) {
            HttpServletRequest request = currentRequest();
            if (request == null) {
                return Optional.empty();
            }
            OAuth2AuthorizedClient client =
                    authorizedClients.loadAuthorizedClient(login.getAuthorizedClientRegistrationId(), login, request);
            return Optional.ofNullable(client)
                    .map(OAuth2AuthorizedClient::getAccessToken)
                    .map(accessToken -> accessToken.getTokenValue());
        }
        return Optional.empty();
    }

    private static @Nullable HttpServletRequest currentRequest() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes
                ? attributes.getRequest()
                : null;
    }

    private static String rootType(Throwable failure) {
        Throwable cause = failure;
        while (cause.getCause() != null && cause.getCause() != cause) {
            cause = cause.getCause();
        }
        return Objects.requireNonNull(cause.getClass().getSimpleName());
    }

    /** Intake's answer. */
    record Answer(@Nullable List<@Nullable Entry> patients) {}

    /** One patient in intake's answer. */
    record Entry(
            @Nullable String patientId,
            @Nullable String displayName,
            @Nullable String email,
            @Nullable String phone) {}
}
