package org.clinicops.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.hl7.fhir.r4.model.OperationOutcome;
import org.hl7.fhir.r4.model.OperationOutcome.IssueSeverity;
import org.hl7.fhir.r4.model.OperationOutcome.IssueType;

/**
 * FHIR's error answer, an {@code OperationOutcome} with one issue, and where it is due: every path
 * under {@value #BASE}. Like a problem detail, its text says what was wrong with the request and never
 * carries patient data.
 */
public final class FhirOutcomes {

    /** Where the FHIR API lives. */
    public static final String BASE = "/fhir/r4";
    /** The media type of every FHIR answer. */
    public static final String FHIR_JSON = "application/fhir+json";

    private FhirOutcomes() {}

    /** Whether the request is one of the FHIR API's, so its refusals are {@code OperationOutcome}s. */
    public static boolean isFhirRequest(HttpServletRequest request) {
        String path = request.getRequestURI().substring(request.getContextPath().length());
        return path.equals("/fhir") || path.startsWith("/fhir/");
    }

    /** An outcome with one error issue. */
    public static OperationOutcome error(IssueType type, String diagnostics) {
        OperationOutcome outcome = new OperationOutcome();
        outcome.addIssue().setSeverity(IssueSeverity.ERROR).setCode(type).setDiagnostics(diagnostics);
        return outcome;
    }

    /** The issue type that fits an HTTP status. */
    public static IssueType issueFor(int status) {
        return switch (status) {
            case 400 -> IssueType.INVALID;
            case 401 -> IssueType.LOGIN;
            case 403 -> IssueType.FORBIDDEN;
            case 404 -> IssueType.NOTFOUND;
            case 409 -> IssueType.CONFLICT;
            case 413 -> IssueType.TOOCOSTLY;
            case 503 -> IssueType.TRANSIENT;
            default -> status >= 500 ? IssueType.EXCEPTION : IssueType.PROCESSING;
        };
    }

    /**
     * Writes an outcome as the whole response where no handler answers (the security chain's entry
     * point and denial handler), keeping the headers already set ({@code WWW-Authenticate}).
     */
    public static void write(HttpServletResponse response, int status, String diagnostics) throws IOException {
        response.setStatus(status);
        response.setContentType(FHIR_JSON);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.getWriter()
                .write(FhirContext.forR4Cached()
                        .newJsonParser()
                        .encodeResourceToString(error(issueFor(status), diagnostics)));
    }
}
