package org.clinicops.platform.test.api;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import org.bson.Document;
import org.clinicops.platform.inbox.EventInbox;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.test.TestTokens;
import org.jspecify.annotations.Nullable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.util.AntPathMatcher;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A property-based fuzz test of a running service's HTTP API, driven by its OpenAPI document: for
 * every operation it sends random, malformed, oversized and wrong-typed bodies and parameters with a
 * valid, an invalid or no token ({@link HostileRequests}), and checks three properties of every
 * answer:
 *
 * <ol>
 *   <li>never a 5xx (nor no answer within {@value #TIMEOUT_SECONDS} s);
 *   <li>every 4xx is a problem detail ({@code application/problem+json});
 *   <li>a refused request (any status but 2xx and 3xx) wrote nothing: every MongoDB collection but
 *       the audit trail and the inbox is the same after it as before it, but for the aggregates'
 *       outboxes, from which the relay removes published events on its own schedule (in groups,
 *       {@code clinic.outbox.removal-delay} after an earlier accepted write).
 * </ol>
 *
 * <p>Seeded and repeatable: {@code -Dapi.fuzz.seed=<seed>} replays a run, {@code
 * -Dapi.fuzz.requests=<n>} sets its length (default {@value #DEFAULT_REQUESTS}). A failing request is
 * shrunk (body parts dropped or halved, query parameters dropped) while it keeps failing the same
 * way, and reported with the seed and its number in the run; keep it as a plain test with {@link
 * #send(FuzzRequest)}. A service's test:
 *
 * <pre>{@code
 * @Test
 * void no_hostile_request_breaks_the_api() {
 *     ApiFuzz.against(port).store(mongo).run().assertNoFailures();
 * }
 * }</pre>
 */
public final class ApiFuzz {

    public static final String SEED_PROPERTY = "api.fuzz.seed";
    public static final String REQUESTS_PROPERTY = "api.fuzz.requests";
    static final int DEFAULT_REQUESTS = 400;
    static final int TIMEOUT_SECONDS = 10;
    private static final int MAX_SHRINK_ATTEMPTS = 60;

    private final String baseUrl;
    private final HttpClient http = HttpClient.newBuilder()
            .followRedirects(HttpClient.Redirect.NEVER)
            .connectTimeout(Duration.ofSeconds(5))
            .build();
    private @Nullable String documentJson;
    private @Nullable MongoTemplate mongo;
    private final Set<String> ignoredCollections = new HashSet<>(Set.of("audit_log", EventInbox.COLLECTION));
    private final List<String> excludedPaths = new ArrayList<>();
    private Supplier<String> validToken = TestTokens::admin;
    private long seed = Long.getLong(SEED_PROPERTY, new SecureRandom().nextLong());
    private int requests = Integer.getInteger(REQUESTS_PROPERTY, DEFAULT_REQUESTS);
    private int maxBodyBytes = 256 * 1024;

    private ApiFuzz(int port) {
        this.baseUrl = "http://localhost:" + port;
    }

    /** A fuzz run against the service on this port (its document from {@code /v3/api-docs}). */
    public static ApiFuzz against(int port) {
        return new ApiFuzz(port);
    }

    /** Use this document instead of the service's {@code /v3/api-docs}. */
    public ApiFuzz document(String json) {
        this.documentJson = json;
        return this;
    }

    /** Check that refused requests write nothing to this database. */
    public ApiFuzz store(MongoTemplate template) {
        this.mongo = template;
        return this;
    }

    /** Collections that may change on a refused request (besides the audit trail and the inbox). */
    public ApiFuzz ignoringCollections(String... names) {
        ignoredCollections.addAll(List.of(names));
        return this;
    }

    /** Leave out operations on these path templates (Ant patterns, e.g. {@code /api/admin/**}). */
    public ApiFuzz excludingPaths(String... patterns) {
        excludedPaths.addAll(List.of(patterns));
        return this;
    }

    /** The valid token (default: an ADMIN's, who passes every role check). */
    public ApiFuzz validToken(Supplier<String> token) {
        this.validToken = token;
        return this;
    }

    /** The seed, unless {@code -Dapi.fuzz.seed} sets one. */
    public ApiFuzz seed(long defaultSeed) {
        this.seed = Long.getLong(SEED_PROPERTY, defaultSeed);
        return this;
    }

    /** The number of requests, unless {@code -Dapi.fuzz.requests} sets one. */
    public ApiFuzz requests(int defaultRequests) {
        this.requests = Integer.getInteger(REQUESTS_PROPERTY, defaultRequests);
        return this;
    }

    /** The service's largest request body ({@code clinic.security.max-request-size}, 256KB). */
    public ApiFuzz maxBodyBytes(int bytes) {
        this.maxBodyBytes = bytes;
        return this;
    }

    /** What one answer was. */
    public record Answer(int status, String contentType, String body) {}

    /** A request that broke a property, shrunk, with the original as sent. */
    public record Failure(int number, String property, FuzzRequest request, FuzzRequest original, String answer) {
        @Override
        public String toString() {
            return "#" + number + " " + property + ": " + request + " -> " + answer
                    + (request.equals(original) ? "" : "\n      (shrunk from " + original + ")");
        }
    }

    /** The outcome of a run. */
    public record Report(long seed, int sent, Map<String, Integer> statuses, List<Failure> failures) {

        /** Fails listing every failure, the seed and how to replay the run. */
        public void assertNoFailures() {
            if (!failures.isEmpty()) {
                StringBuilder text = new StringBuilder(failures.size() + " of " + sent
                        + " hostile requests broke the API (replay with -D" + SEED_PROPERTY + "=" + seed + "):");
                failures.stream().limit(30).forEach(f -> text.append("\n  ").append(f));
                if (failures.size() > 30) {
                    text.append("\n  … and ").append(failures.size() - 30).append(" more");
                }
                throw new AssertionError(text.toString());
            }
        }

        @Override
        public String toString() {
            return "seed " + seed + ": " + sent + " requests, statuses " + statuses + ", " + failures.size()
                    + " failure(s)";
        }
    }

    /** The requests a run sends, in order, without sending them: the same for the same seed. */
    public List<FuzzRequest> plan() {
        ApiDocument document = ApiDocument.parse(documentJson != null ? documentJson : fetchDocument());
        List<ApiDocument.Operation> operations = operations(document);
        HostileRequests hostile = new HostileRequests(document, new SplittableRandom(seed), maxBodyBytes);
        List<FuzzRequest> planned = new ArrayList<>();
        for (int i = 0; i < requests; i++) {
            planned.add(hostile.next(operations.get(i % operations.size())));
        }
        return planned;
    }

    private List<ApiDocument.Operation> operations(ApiDocument document) {
        AntPathMatcher matcher = new AntPathMatcher();
        List<ApiDocument.Operation> operations = document.operations().stream()
                .filter(operation -> excludedPaths.stream().noneMatch(p -> matcher.match(p, operation.path())))
                .toList();
        if (operations.isEmpty()) {
            throw new IllegalStateException("the document has no operations to fuzz");
        }
        return operations;
    }

    /** Sends the requests and reports which broke a property (it does not throw for them). */
    public Report run() {
        ApiDocument document = ApiDocument.parse(documentJson != null ? documentJson : fetchDocument());
        List<ApiDocument.Operation> operations = operations(document);
        HostileRequests hostile = new HostileRequests(document, new SplittableRandom(seed), maxBodyBytes);
        Map<String, Integer> statuses = new TreeMap<>();
        List<Failure> failures = new ArrayList<>();
        Set<String> failedOperationsAndProperties = new HashSet<>();
        Map<String, String> before = settledSnapshot(Map.of());
        for (int i = 0; i < requests; i++) {
            ApiDocument.Operation operation = operations.get(i % operations.size());
            FuzzRequest request = hostile.next(operation);
            Outcome outcome = attempt(request, before);
            before = outcome.after();
            statuses.merge(outcome.answer() == null ? "none" : outcome.answer().status() / 100 + "xx", 1, Integer::sum);
            if (outcome.property() == null) {
                continue;
            }
            if (failedOperationsAndProperties.add(operation.name() + outcome.property())) {
                FuzzRequest shrunk = shrink(request, outcome.property());
                before = settledSnapshot(before);
                failures.add(new Failure(i, outcome.property(), shrunk, request, outcome.describe()));
            }
        }
        return new Report(seed, requests, statuses, List.copyOf(failures));
    }

    /** Sends one request with the harness's tokens and returns what came back. */
    public Answer send(FuzzRequest request) {
        return send(request, Duration.ofSeconds(TIMEOUT_SECONDS));
    }

    private Answer send(FuzzRequest request, Duration timeout) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(baseUrl + request.target()))
                .timeout(timeout)
                .header("Accept", "application/json, application/problem+json")
                .method(
                        request.method(),
                        request.body() == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofString(request.body()));
        if (request.contentType() != null && !request.contentType().isEmpty()) {
            builder.header("Content-Type", request.contentType());
        }
        String token = switch (request.token()) {
            case VALID -> validToken.get();
            case EXPIRED -> TestTokens.expired();
            case TAMPERED -> TestTokens.tampered();
            case FOREIGN_KEY -> TestTokens.signedByStranger();
            case NONE -> null;
        };
        if (token != null) {
            builder.header("Authorization", TestTokens.bearer(token));
        }
        try {
            HttpResponse<String> response = http.send(builder.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(
                    response.statusCode(),
                    response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new NoAnswer(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The request got no answer (timed out, or the connection broke). */
    static final class NoAnswer extends RuntimeException {
        NoAnswer(IOException cause) {
            super(
                    cause instanceof HttpTimeoutException
                            ? "no answer within " + TIMEOUT_SECONDS + " s"
                            : cause.toString(),
                    cause);
        }
    }

    /** What a request did: its answer, the property it broke (or null) and the store after it. */
    private record Outcome(
            @Nullable Answer answer, @Nullable String property, String detail, Map<String, String> after) {
        String describe() {
            return answer == null
                    ? detail
                    : answer.status() + " " + answer.contentType() + " "
                            + HostileRequests.abbreviate(answer.body(), 200) + (detail.isEmpty() ? "" : " " + detail);
        }
    }

    private Outcome attempt(FuzzRequest request, Map<String, String> before) {
        Answer answer;
        try {
            answer = send(request);
        } catch (NoAnswer e) {
            return new Outcome(null, "no answer", e.getMessage(), settledSnapshot(before));
        }
        int status = answer.status();
        if (status >= 500) {
            return new Outcome(answer, "5xx", "", settledSnapshot(before));
        }
        if (status >= 400 && !answer.contentType().startsWith("application/problem+json")) {
            return new Outcome(answer, "4xx without a problem detail", "", snapshotAfterRefusal(before));
        }
        if (status >= 200 && status < 400) {
            boolean write = !request.method().equals("GET") && !request.method().equals("HEAD");
            return new Outcome(answer, null, "", write ? settledSnapshot(before) : snapshotAfterRefusal(before));
        }
        Map<String, String> after = snapshot();
        String changed = changes(before, after);
        if (!changed.isEmpty()) {
            return new Outcome(answer, "a refused request wrote", "changed " + changed, settledSnapshot(after));
        }
        return new Outcome(answer, null, "", after);
    }

    private Map<String, String> snapshotAfterRefusal(Map<String, String> before) {
        return mongo == null ? before : snapshot();
    }

    /** Tries smaller versions of a failing request, keeping each that still breaks the same property. */
    private FuzzRequest shrink(FuzzRequest failing, String property) {
        FuzzRequest current = failing;
        int attempts = 0;
        boolean progress = true;
        while (progress && attempts < MAX_SHRINK_ATTEMPTS) {
            progress = false;
            for (FuzzRequest candidate : smaller(current)) {
                if (++attempts > MAX_SHRINK_ATTEMPTS) {
                    break;
                }
                Map<String, String> before = settledSnapshot(Map.of());
                Outcome outcome = attempt(candidate, before);
                if (property.equals(outcome.property())) {
                    current = candidate;
                    progress = true;
                    break;
                }
            }
        }
        return current;
    }

    private static List<FuzzRequest> smaller(FuzzRequest request) {
        List<FuzzRequest> candidates = new ArrayList<>();
        int query = request.target().indexOf('?');
        if (query >= 0) {
            String path = request.target().substring(0, query);
            String[] pairs = request.target().substring(query + 1).split("&");
            for (int i = 0; i < pairs.length; i++) {
                List<String> rest = new ArrayList<>(List.of(pairs));
                rest.remove(i);
                candidates.add(request.withTarget(rest.isEmpty() ? path : path + "?" + String.join("&", rest)));
            }
        }
        if (request.body() != null) {
            JsonNode body;
            try {
                body = ApiDocument.JSON.readTree(request.body());
            } catch (RuntimeException unreadable) {
                if (request.body().length() > 1) {
                    candidates.add(request.withBody(
                            request.body().substring(0, request.body().length() / 2)));
                }
                return candidates;
            }
            for (JsonNode smaller : smallerNodes(body)) {
                candidates.add(request.withBody(ApiDocument.JSON.writeValueAsString(smaller)));
            }
        }
        return candidates;
    }

    /** Trees one step smaller: a property or an item less, half a string or a list. */
    private static List<JsonNode> smallerNodes(JsonNode node) {
        List<JsonNode> smaller = new ArrayList<>();
        if (node instanceof ObjectNode object) {
            for (String name : object.propertyNames()) {
                ObjectNode without = object.deepCopy();
                without.remove(name);
                smaller.add(without);
            }
            for (String name : object.propertyNames()) {
                for (JsonNode child : smallerNodes(object.get(name))) {
                    ObjectNode copy = object.deepCopy();
                    copy.set(name, child);
                    smaller.add(copy);
                }
            }
        } else if (node instanceof ArrayNode array && array.size() > 1) {
            ArrayNode half = SchemaValues.NODES.arrayNode();
            for (int i = 0; i < array.size() / 2; i++) {
                half.add(array.get(i));
            }
            smaller.add(half);
        } else if (node.isString() && node.asString().length() > 1) {
            smaller.add(SchemaValues.NODES.stringNode(
                    node.asString().substring(0, node.asString().length() / 2)));
        }
        return smaller;
    }

    /** The store once it stops changing (an accepted write's outbox relay and consumers finish). */
    private Map<String, String> settledSnapshot(Map<String, String> previous) {
        if (mongo == null) {
            return previous;
        }
        AtomicReference<Map<String, String>> last = new AtomicReference<>(snapshot());
        await().pollDelay(Duration.ofMillis(50))
                .pollInterval(Duration.ofMillis(100))
                .atMost(Duration.ofSeconds(10))
                .until(() -> {
                    Map<String, String> now = snapshot();
                    return now.equals(last.getAndSet(now));
                });
        return last.get();
    }

    /** Every document of every collection but the ignored ones: collection and id to JSON. */
    private Map<String, String> snapshot() {
        if (mongo == null) {
            return Map.of();
        }
        Map<String, String> documents = new LinkedHashMap<>();
        for (String collection : mongo.getCollectionNames()) {
            if (ignoredCollections.contains(collection) || collection.startsWith("system.")) {
                continue;
            }
            for (Document document : mongo.getCollection(collection).find()) {
                document.remove(AggregateRoot.OUTBOX_FIELD); // the relay's, not the request's
                documents.put(collection + "/" + document.get("_id"), document.toJson());
            }
        }
        return documents;
    }

    /** Which documents differ (collection/id), never their contents. */
    private static String changes(Map<String, String> before, Map<String, String> after) {
        Set<String> keys = new java.util.TreeSet<>(before.keySet());
        keys.addAll(after.keySet());
        List<String> changed = keys.stream()
                .filter(key -> !java.util.Objects.equals(before.get(key), after.get(key)))
                .limit(10)
                .toList();
        return changed.isEmpty() ? "" : String.join(", ", changed);
    }

    private String fetchDocument() {
        // the first document is built on demand: slow on a busy machine, and no hostile request
        Answer answer = send(FuzzRequest.of("GET", "/v3/api-docs", null, null), Duration.ofSeconds(120));
        if (answer.status() != 200) {
            throw new IllegalStateException("GET /v3/api-docs answered " + answer.status());
        }
        return answer.body();
    }
}
