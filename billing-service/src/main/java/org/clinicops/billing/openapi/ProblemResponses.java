package org.clinicops.billing.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import java.util.Map;
import java.util.TreeSet;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springdoc.core.customizers.OperationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.method.HandlerMethod;

/**
 * Documents the problem details (RFC 9457, {@code application/problem+json}) every API operation can
 * answer: the statuses named by its {@link Problems}, 401 for every operation (a token is needed) and
 * 413 for every operation that takes a body (the platform's request size limit).
 */
@Configuration(proxyBeanMethods = false)
class ProblemResponses {

    static final String PROBLEM_SCHEMA = "Problem";
    static final String PROBLEM_JSON = "application/problem+json";

    private static final Map<Integer, String> DESCRIPTIONS = Map.of(
            400, "Invalid request: the problem's errors name each bad field or parameter",
            401, "No valid bearer token",
            403, "The role or the site is not the caller's",
            404, "Not found",
            409, "Conflict with the object's state or a concurrent change (code CONCURRENT_UPDATE)",
            413, "The request body is too large");

    @Bean
    OperationCustomizer problemResponsesPerOperation() {
        return (Operation operation, HandlerMethod handler) -> {
            TreeSet<Integer> statuses = new TreeSet<>();
            statuses.add(401);
            Problems problems = handler.getMethodAnnotation(Problems.class);
            if (problems != null) {
                for (int status : problems.value()) {
                    statuses.add(status);
                }
            }
            for (var parameter : handler.getMethodParameters()) {
                if (parameter.hasParameterAnnotation(RequestBody.class)) {
                    statuses.add(413);
                    statuses.add(400);
                }
            }
            ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
            for (int status : statuses) {
                String code = String.valueOf(status);
                if (!responses.containsKey(code)) {
                    responses.addApiResponse(
                            code,
                            new ApiResponse()
                                    .description(DESCRIPTIONS.getOrDefault(status, "Problem"))
                                    .content(new Content()
                                            .addMediaType(
                                                    PROBLEM_JSON,
                                                    new MediaType()
                                                            .schema(new Schema<>()
                                                                    .$ref("#/components/schemas/" + PROBLEM_SCHEMA)))));
                }
            }
            operation.setResponses(responses);
            return operation;
        };
    }

    @Bean
    OpenApiCustomizer problemSchema() {
        return openApi -> {
            if (openApi.getComponents() == null) {
                openApi.setComponents(new Components());
            }
            openApi.getComponents().addSchemas(PROBLEM_SCHEMA, problem());
        };
    }

    @SuppressWarnings("rawtypes")
    private static Schema problem() {
        Schema<?> fieldError = new ObjectSchema()
                .addProperty("field", new StringSchema().maxLength(200))
                .addProperty("message", new StringSchema().maxLength(1000));
        return new ObjectSchema()
                .description("An RFC 9457 problem detail")
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("code", new StringSchema().description("a conflict's code, e.g. CONCURRENT_UPDATE"))
                .addProperty("errors", new io.swagger.v3.oas.models.media.ArraySchema().items(fieldError));
    }
}
