package org.clinicops.platform.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.web.ServletProblems;
import org.springframework.http.HttpHeaders;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.server.resource.web.BearerTokenAuthenticationEntryPoint;
import org.springframework.security.oauth2.server.resource.web.access.BearerTokenAccessDeniedHandler;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * 401 and 403 as RFC 9457 problem details, keeping the {@code WWW-Authenticate} header of RFC 6750
 * that the bearer-token handlers set; on the FHIR API ({@code /fhir/**}) as {@code OperationOutcome}s.
 */
final class ProblemResponses implements AuthenticationEntryPoint, AccessDeniedHandler {

    private final BearerTokenAuthenticationEntryPoint entryPoint = new BearerTokenAuthenticationEntryPoint();
    private final BearerTokenAccessDeniedHandler deniedHandler = new BearerTokenAccessDeniedHandler();

    @Override
    public void commence(HttpServletRequest request, HttpServletResponse response, AuthenticationException e)
            throws IOException {
        entryPoint.commence(request, response, e);
        String header = response.getHeader(HttpHeaders.WWW_AUTHENTICATE);
        boolean badToken = header != null && header.contains("invalid_token");
        String detail = badToken
                ? "The bearer token is invalid or has expired; sign in again"
                : "This call needs a bearer token: sign in and send it as 'Authorization: Bearer <token>'";
        if (FhirOutcomes.isFhirRequest(request)) {
            FhirOutcomes.write(response, 401, detail);
            return;
        }
        write(response, 401, "Unauthorized", detail);
    }

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        deniedHandler.handle(request, response, e);
        if (FhirOutcomes.isFhirRequest(request)) {
            FhirOutcomes.write(response, 403, "Your role does not allow this call");
            return;
        }
        write(response, 403, "Forbidden", "Your role does not allow this call");
    }

    static void write(HttpServletResponse response, int status, String title, String detail) throws IOException {
        ServletProblems.write(response, ServletProblems.of(status, title, detail));
    }
}
