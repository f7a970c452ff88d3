package org.clinicops.monitoring.apidocs;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Arrays;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.stereotype.Component;
import org.springframework.web.method.HandlerMethod;

/**
 * Adds to every operation of the OpenAPI description the problem details (RFC 9457, {@code
 * application/problem+json}) it can answer: 401 and 403 (every endpoint needs a token and a role),
 * 400 when it takes parameters or a body, 413 when it takes a body, and what its handler declares
 * with {@link ProblemResponses} (404, 409, ...).
 */
@Component
class ProblemResponsesCustomizer implements OperationCustomizer, OpenApiCustomizer {

    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "Invalid request: the problem's errors name each bad field or parameter",
            401, "No valid bearer token",
            403, "The caller's role or sites do not allow it",
            404, "Not found",
            409, "Conflict: the problem's code names the rule (and alternatives where they exist)",
            413, "Request body too large");

    private static final Map<String, String> PLATFORM_SUMMARIES =
            Map.of("AuditController.search", "Search the audit trail (ADMIN)");

    @Override
    public Operation customize(Operation operation, HandlerMethod handler) {
        if (operation.getSummary() == null) {
            // the platform's handlers (the audit search) declare none: until they do, say what they are
            operation.setSummary(PLATFORM_SUMMARIES.getOrDefault(
                    handler.getBeanType().getSimpleName() + "."
                            + handler.getMethod().getName(),
                    handler.getMethod().getName()));
        }
        TreeSet<Integer> statuses = new TreeSet<>(java.util.List.of(401, 403));
        boolean hasBody = operation.getRequestBody() != null;
        if (hasBody
                || (operation.getParameters() != null
                        && operation.getParameters().stream().anyMatch(p -> !"path".equals(p.getIn())))) {
            statuses.add(400);
        }
        if (hasBody) {
            statuses.add(413);
        }
        ProblemResponses declared = handler.getMethodAnnotation(ProblemResponses.class);
        if (declared != null) {
            Arrays.stream(declared.value()).forEach(statuses::add);
        }
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        for (int status : statuses) {
            responses.put(String.valueOf(status), problem(status));
        }
        operation.setResponses(responses);
        return operation;
    }

    /** The problem detail as every service answers it (platform-support's {@code ProblemDetailsAdvice}). */
    @Override
    public void customise(OpenAPI openApi) {
        if (openApi.getComponents() == null) {
            openApi.setComponents(new Components());
        }
        Schema<Object> error =
                new ObjectSchema().addProperty("field", new StringSchema()).addProperty("message", new StringSchema());
        openApi.getComponents()
                .addSchemas(
                        "ProblemDetail",
                        new ObjectSchema()
                                .description("RFC 9457 problem detail")
                                .addProperty("type", new StringSchema().format("uri"))
                                .addProperty("title", new StringSchema())
                                .addProperty("status", new IntegerSchema())
                                .addProperty("detail", new StringSchema())
                                .addProperty("instance", new StringSchema().format("uri"))
                                .addProperty("code", new StringSchema().description("the rule refused (409)"))
                                .addProperty("errors", new ArraySchema().items(error)));
    }

    private static ApiResponse problem(int status) {
        Schema<?> schema = new Schema<>().$ref("#/components/schemas/ProblemDetail");
        return new ApiResponse()
                .description(DESCRIPTIONS.getOrDefault(status, "Problem"))
                .content(new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(schema)));
    }
}
