package org.clinicops.platform.openapi;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.parameters.Parameter;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import io.swagger.v3.oas.models.servers.Server;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import org.clinicops.platform.security.ApiAccessPolicy;
import org.clinicops.platform.web.SortParameters;
import org.springdoc.core.customizers.GlobalOpenApiCustomizer;
import org.springframework.http.HttpMethod;

/**
 * What every service's OpenAPI document says the same way, added after springdoc has read the
 * controllers:
 *
 * <ul>
 *   <li>the bearer scheme {@value #BEARER} (a JWT from the authorization server), required by every
 *       operation, except the operations the service's {@link ApiAccessPolicy} opens
 *       ({@code .open(POST, "/api/consultation-requests")}): those are documented as public with an
 *       empty security requirement ({@code security: []}). The rule that lets anonymous callers
 *       through is the one that documents it, so the document cannot drift from the filter chain;
 *       an operation that declares its own {@code @SecurityRequirement} keeps it;
 *   <li>the {@value #PROBLEM} schema (RFC 9457 with the platform's {@code errors} and {@code code})
 *       and the problem responses each operation can give, as {@code application/problem+json}:
 *       401 and 403 when secured, 429 when public, 400 with parameters or a body, 413 and 415 with a
 *       body, 404 with an id in the path, 409 for writes. A response the operation declares itself
 *       ({@code @ApiResponse(responseCode = "404", description = "No such site")}) wins; it only gets
 *       the problem content when it declares no media type of its own (springdoc would otherwise
 *       give it the handler's return type);
 *   <li>Spring Data's {@code Pageable} as the {@code page}, {@code size} and {@code sort} query
 *       parameters it really is, with the configured largest page as {@code size}'s maximum.
 * </ul>
 */
public final class ApiDocumentConventions implements GlobalOpenApiCustomizer {

    /** The name of the bearer security scheme. */
    public static final String BEARER = "bearerAuth";

    /** The name of the problem detail schema. */
    public static final String PROBLEM = "Problem";

    static final String PROBLEM_JSON = "application/problem+json";
    static final String PROBLEM_REF = "#/components/schemas/" + PROBLEM;
    static final int MAX_SORT_KEYS = SortParameters.MAX_KEYS;
    static final int MAX_SORT_LENGTH = SortParameters.MAX_LENGTH;
    static final int MAX_PAGE = 100_000;

    private static final Set<PathItem.HttpMethod> WRITES = Set.of(
            PathItem.HttpMethod.POST, PathItem.HttpMethod.PUT, PathItem.HttpMethod.PATCH, PathItem.HttpMethod.DELETE);

    /** The default responses, in the order they appear: status and description. */
    private static final Map<String, String> DESCRIPTIONS = orderedDescriptions();

    private final Supplier<ApiAccessPolicy> policy;
    private final String service;
    private final int maxPageSize;

    ApiDocumentConventions(Supplier<ApiAccessPolicy> policy, String service, int maxPageSize) {
        this.policy = policy;
        this.service = service;
        this.maxPageSize = maxPageSize;
    }

    @Override
    public void customise(OpenAPI api) {
        if (api.getInfo() != null && "OpenAPI definition".equals(api.getInfo().getTitle())) {
            api.getInfo().setTitle(service);
            api.getInfo().setDescription("The HTTP API of the ClinicOps " + service + ".");
        }
        if (api.getInfo() != null && api.getInfo().getLicense() == null) {
            api.getInfo().setLicense(new License().name("Apache-2.0").identifier("Apache-2.0"));
        }
        // relative: the document describes the service that serves it, whatever host or proxy a
        // client reached it through (springdoc would name the address of the request that built it)
        api.setServers(List.of(new Server().url("/").description("The service that serves this document")));
        Components components = api.getComponents() == null ? new Components() : api.getComponents();
        api.setComponents(components);
        components.addSecuritySchemes(
                BEARER,
                new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("An access token from the ClinicOps authorization server:"
                                + " 'Authorization: Bearer <token>'. Roles and sites come from its claims."));
        components.addSchemas("ProblemFieldError", fieldErrorSchema());
        components.addSchemas(PROBLEM, problemSchema());
        if (api.getPaths() == null) {
            return;
        }
        ApiAccessPolicy access = policy.get();
        boolean pageableExpanded = false;
        for (Map.Entry<String, PathItem> path : api.getPaths().entrySet()) {
            for (Map.Entry<PathItem.HttpMethod, Operation> entry :
                    path.getValue().readOperationsMap().entrySet()) {
                Operation operation = entry.getValue();
                pageableExpanded |= expandPageable(operation);
                boolean open = isOpen(access, entry.getKey(), path.getKey());
                if (operation.getSecurity() == null) {
                    operation.setSecurity(
                            open ? new ArrayList<>() : List.of(new SecurityRequirement().addList(BEARER)));
                }
                addDefaultResponses(operation, entry.getKey(), path.getKey(), open);
            }
        }
        if (pageableExpanded && components.getSchemas() != null) {
            components.getSchemas().remove("Pageable");
        }
    }

    /** Whether the access policy lets anonymous callers reach the operation. */
    static boolean isOpen(ApiAccessPolicy access, PathItem.HttpMethod method, String template) {
        String samplePath = template.replaceAll("\\{[^}]+}", "sample");
        return access.ruleFor(HttpMethod.valueOf(method.name()), samplePath)
                .map(ApiAccessPolicy.Rule::open)
                .orElse(false);
    }

    private static void addDefaultResponses(
            Operation operation, PathItem.HttpMethod method, String path, boolean open) {
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters =
                operation.getParameters() != null && !operation.getParameters().isEmpty();
        Map<String, Boolean> applies = new LinkedHashMap<>();
        applies.put("400", hasBody || hasParameters);
        applies.put("401", !open);
        applies.put("403", !open);
        applies.put("404", path.contains("{"));
        applies.put("409", WRITES.contains(method));
        applies.put("413", hasBody);
        applies.put("415", hasBody);
        applies.put("429", open);
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        operation.setResponses(responses);
        for (Map.Entry<String, String> status : DESCRIPTIONS.entrySet()) {
            ApiResponse own = responses.get(status.getKey());
            if (own != null) {
                if (withoutDeclaredContent(own)) {
                    own.setContent(problemContent());
                }
            } else if (applies.get(status.getKey())) {
                responses.addApiResponse(
                        status.getKey(),
                        new ApiResponse().description(status.getValue()).content(problemContent()));
            }
        }
    }

    /**
     * Whether a response declares no content of its own: none, or only the {@code *}{@code /*} entry
     * springdoc fills with the handler's return type, which a refusal never has.
     */
    private static boolean withoutDeclaredContent(ApiResponse response) {
        Content content = response.getContent();
        return content == null || content.isEmpty() || (content.size() == 1 && content.containsKey("*/*"));
    }

    /** Replaces a {@code Pageable} query object by the three parameters Spring Data reads. */
    private boolean expandPageable(Operation operation) {
        List<Parameter> parameters = operation.getParameters();
        if (parameters == null) {
            return false;
        }
        List<Parameter> expanded = new ArrayList<>();
        boolean found = false;
        for (Parameter parameter : parameters) {
            Schema<?> schema = parameter.getSchema();
            if ("query".equals(parameter.getIn())
                    && schema != null
                    && schema.get$ref() != null
                    && schema.get$ref().endsWith("/Pageable")) {
                found = true;
                expanded.add(new Parameter()
                        .in("query")
                        .name("page")
                        .required(false)
                        .description("Zero-based page index")
                        .schema(integer(0, MAX_PAGE, 0)));
                expanded.add(new Parameter()
                        .in("query")
                        .name("size")
                        .required(false)
                        .description("Page size; larger values are served as " + maxPageSize)
                        .schema(integer(1, maxPageSize, null)));
                Schema<Object> key = typed("string").maxLength(MAX_SORT_LENGTH);
                key.setPattern("^[A-Za-z0-9_.]+(,(asc|desc|ASC|DESC))?$");
                expanded.add(new Parameter()
                        .in("query")
                        .name("sort")
                        .required(false)
                        .description("Sort keys as 'property,asc' or 'property,desc'")
                        .schema(typed("array").maxItems(MAX_SORT_KEYS).items(key)));
            } else {
                expanded.add(parameter);
            }
        }
        if (found) {
            operation.setParameters(expanded);
        }
        return found;
    }

    private static Schema<Object> integer(int minimum, int maximum, Integer defaultValue) {
        Schema<Object> schema = typed("integer");
        schema.setFormat("int32");
        schema.setMinimum(BigDecimal.valueOf(minimum));
        schema.setMaximum(BigDecimal.valueOf(maximum));
        if (defaultValue != null) {
            schema.setDefault(defaultValue);
        }
        return schema;
    }

    private static Content problemContent() {
        return new Content().addMediaType(PROBLEM_JSON, new MediaType().schema(new Schema<>().$ref(PROBLEM_REF)));
    }

    @SuppressWarnings("rawtypes")
    private static Schema<Object> problemSchema() {
        Map<String, Schema> properties = new LinkedHashMap<>();
        properties.put(
                "type",
                typed("string")
                        .format("uri-reference")
                        .description("Identifies the kind of problem (about:blank when only the status says it)"));
        properties.put("title", typed("string").description("A short summary of the kind of problem"));
        properties.put("status", integer(100, 599, null).description("The HTTP status code of this occurrence"));
        properties.put("detail", typed("string").description("What was wrong with this request"));
        properties.put("instance", typed("string").format("uri-reference").description("This occurrence"));
        properties.put(
                "code", typed("string").description("A stable code naming the rule that refused the request (409)"));
        properties.put(
                "errors",
                typed("array")
                        .description("The fields that were invalid (400)")
                        .items(new Schema<>().$ref("#/components/schemas/ProblemFieldError")));
        Schema<Object> problem = typed("object");
        problem.setDescription("An RFC 9457 problem detail (application/problem+json); further members may follow.");
        problem.setProperties(properties);
        problem.setRequired(List.of("status", "title"));
        return problem;
    }

    private static Schema<Object> fieldErrorSchema() {
        Schema<Object> error = typed("object");
        error.setDescription("One invalid field of a refused request");
        error.addProperty("field", typed("string").description("The parameter or body path, e.g. lines[2].code"));
        error.addProperty("message", typed("string").description("What is wrong with it"));
        error.setRequired(List.of("field", "message"));
        return error;
    }

    /** A schema of one type, written as OpenAPI 3.0 and 3.1 read it. */
    private static Schema<Object> typed(String type) {
        Schema<Object> schema = new Schema<>();
        schema.setType(type);
        schema.addType(type);
        return schema;
    }

    private static Map<String, String> orderedDescriptions() {
        Map<String, String> descriptions = new LinkedHashMap<>();
        descriptions.put("400", "The request is invalid: the problem's errors name each bad field or parameter");
        descriptions.put("401", "No bearer token, or an invalid or expired one");
        descriptions.put("403", "The token's role or sites do not allow this call");
        descriptions.put("404", "Nothing with this id that the caller's sites may see");
        descriptions.put("409", "The change conflicts with the current state: the problem's code names the rule");
        descriptions.put("413", "The request body is larger than the service accepts");
        descriptions.put("415", "The request body is not application/json");
        descriptions.put("429", "Too many requests from this client: try again later");
        return descriptions;
    }
}
