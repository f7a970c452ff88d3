package org.clinicops.demo;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicReference;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.MissingNode;

/**
 * A stand-in for the four services on a loopback port, as far as one patient's journey reaches them,
 * with the rules of theirs that the journey must keep: a request is withdrawn only while open and by
 * intake (or ADMIN); a consultation is cancelled only before it was held ({@code late} under 24 hours
 * before the start), and its no-show recorded only after the start by a nurse or a clinician (or
 * ADMIN); a decision only by the site's physician; an invoice voided only unpaid and with a reason;
 * assistance applied only to an invoice still owed with a decision covering its day of service; a
 * payment never above the balance. A broken rule is answered as the service answers it (403, 409,
 * 400), which the demo's client tallies as a refusal. Business time is the stand-in's {@link #clock()},
 * which the test moves; every call is recorded with the business time it came at.
 *
 * <p>Tokens: {@value #DEMO_TOKEN} is the demo client (ADMIN at every site), {@value #PHYSICIAN_TOKEN}
 * the site's physician (CLINICIAN).
 */
final class StandInClinic implements AutoCloseable {

    static final String DEMO_TOKEN = "demo-client";
    static final String PHYSICIAN_TOKEN = "physician";

    static final String REQUEST_ID = "req_1";
    static final String PATIENT_ID = "p_1";
    static final String CONSULTATION_ID = "apt_c_1";
    static final String INFUSION_ID = "apt_s_1";
    static final BigDecimal PRICE = new BigDecimal("450.00");

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Pattern ROUTE = Pattern.compile("/(intake|scheduling|billing|monitoring)(/api/.*)");
    private static final Set<String> OPEN = Set.of("REQUESTED", "CONSULTATION_SCHEDULED", "SCREENED");
    private static final Set<String> CANCELLABLE = Set.of("SCHEDULED", "CHECKED_IN");
    private static final Set<String> OWED = Set.of("ISSUED", "PARTIALLY_PAID");

    /** A call as the stand-in received it: path without the query, the body and the bearer token. */
    record Call(Instant at, String method, String service, String path, String query, JsonNode body, String token) {

        boolean is(String method, String service, String pathEnd) {
            return this.method.equals(method) && this.service.equals(service) && path.endsWith(pathEnd);
        }
    }

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2027-03-15T13:00:00Z"));
    private final HttpServer server;
    private final List<Call> calls = new CopyOnWriteArrayList<>();

    /** How long after the request scheduling books the consultation to start; null: it waits on the list. */
    private @Nullable Duration consultationLead = Duration.ofHours(6);
    /** The payer type of the patient's invoices. */
    private String payerType = "SELF_PAY";

    private String requestStatus = "";
    private String siteId = "bos";
    private final Map<String, Map<String, Object>> appointments = new LinkedHashMap<>();
    private final Map<String, Map<String, Object>> invoices = new LinkedHashMap<>();
    /** Assistance decisions: effective from, to, discount. */
    private final List<Object[]> decisions = new ArrayList<>();

    private boolean screened;

    StandInClinic() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        server.createContext("/", this::handle);
        server.start();
    }

    /** The four services' base addresses, for a {@link ClinicClient}. */
    Map<String, String> urls() {
        String root = "http://127.0.0.1:" + server.getAddress().getPort();
        return Map.of(
                "intake", root + "/intake",
                "scheduling", root + "/scheduling",
                "billing", root + "/billing",
                "monitoring", root + "/monitoring");
    }

    /** Business time, shared by the stand-in and the journey. */
    Clock clock() {
        return new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
    }

    Instant now() {
        return now.get();
    }

    void advance(Duration duration) {
        now.updateAndGet(instant -> instant.plus(duration));
    }

    StandInClinic consultationBookedAfter(@Nullable Duration lead) {
        this.consultationLead = lead;
        return this;
    }

    StandInClinic payer(String payerType) {
        this.payerType = payerType;
        return this;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    /** The calls of this method to paths ending so at this service, in order. */
    List<Call> calls(String method, String service, String pathEnd) {
        return calls.stream().filter(c -> c.is(method, service, pathEnd)).toList();
    }

    /** The one such call (fails when there is none or more). */
    Call call(String method, String service, String pathEnd) {
        List<Call> found = calls(method, service, pathEnd);
        if (found.size() != 1) {
            throw new AssertionError(found.size() + " calls " + method + " " + service + " …" + pathEnd + " in "
                    + calls.stream()
                            .map(c -> c.method() + " " + c.service() + " " + c.path())
                            .toList());
        }
        return found.get(0);
    }

    /** When the journey's request was made. */
    Instant requestedAt() {
        return call("POST", "intake", "/api/consultation-requests").at();
    }

    synchronized @Nullable Map<String, Object> appointment(String id) {
        Map<String, Object> appointment = appointments.get(id);
        return appointment == null ? null : Map.copyOf(appointment);
    }

    synchronized List<Map<String, Object>> invoices() {
        return invoices.values().stream().map(Map::copyOf).toList();
    }

    synchronized String requestStatus() {
        return requestStatus;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private synchronized void handle(HttpExchange exchange) throws IOException {
        String method = exchange.getRequestMethod();
        Matcher route = ROUTE.matcher(exchange.getRequestURI().getPath());
        String raw = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
        JsonNode body = raw.isBlank() ? MissingNode.getInstance() : JSON.readTree(raw);
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        String token = authorization.startsWith("Bearer ") ? authorization.substring(7) : "";
        if (!route.matches()) {
            respond(exchange, 404, Map.of("title", "Not Found"));
            return;
        }
        String query = exchange.getRequestURI().getRawQuery() == null
                ? ""
                : exchange.getRequestURI().getRawQuery();
        Call call = new Call(now.get(), method, route.group(1), route.group(2), query, body, token);
        calls.add(call);
        Answer answer = answer(call, params(query));
        respond(exchange, answer.status(), answer.body());
    }

    private record Answer(int status, Object body) {}

    private static Answer ok(Object body) {
        return new Answer(200, body);
    }

    private static Answer refused(int status, String code) {
        return new Answer(status, Map.of("title", "refused", "code", code));
    }

    private Answer answer(Call call, Map<String, String> params) {
        boolean admin = call.token().equals(DEMO_TOKEN);
        boolean physician = call.token().equals(PHYSICIAN_TOKEN);
        if (!admin && !physician) {
            return refused(401, "UNAUTHORIZED");
        }
        String path = call.path();
        String[] segments = path.substring(1).split("/");
        String key = call.method() + " " + call.service() + " "
                + path.replaceAll("/(consultation-requests|appointments|invoices|patients|sessions)/[^/]+", "/$1/{id}");
        return switch (key) {
            case "POST intake /api/consultation-requests" -> submit(call.body());
            case "GET intake /api/consultation-requests/{id}" -> ok(requestView());
            case "POST intake /api/consultation-requests/{id}/screening" -> screen();
            case "POST intake /api/consultation-requests/{id}/decision" ->
                physician ? decide(call.body()) : refused(409, "NOT_A_SITE_PHYSICIAN");
            case "POST intake /api/consultation-requests/{id}/withdraw" ->
                admin ? withdraw(call.body()) : refused(403, "FORBIDDEN");
            case "GET scheduling /api/appointments" -> ok(Map.of("content", appointmentsFor(params)));
            case "GET scheduling /api/waiting-list" -> ok(List.of());
            case "POST scheduling /api/appointments/{id}/check-in" -> checkIn(segments[2]);
            case "POST scheduling /api/appointments/{id}/start" -> start(segments[2]);
            case "POST scheduling /api/appointments/{id}/complete" -> complete(segments[2]);
            case "POST scheduling /api/appointments/{id}/stop" -> stop(segments[2]);
            case "POST scheduling /api/appointments/{id}/cancel" -> cancel(segments[2], call.body());
            case "POST scheduling /api/appointments/{id}/no-show" -> noShow(segments[2], admin);
            case "POST monitoring /api/sessions/{id}/vitals" -> new Answer(201, Map.of("alertsRaised", List.of()));
            case "GET monitoring /api/alerts" -> ok(Map.of("content", List.of()));
            case "POST monitoring /api/adverse-events" -> new Answer(201, Map.of("clinicalHoldPlaced", false));
            case "GET billing /api/patients/{id}/account" -> ok(Map.of("patientId", PATIENT_ID));
            case "POST billing /api/patients/{id}/assistance-decisions" -> decideAssistance(call.body());
            case "GET billing /api/invoices" -> ok(Map.of("content", invoicesFor(params)));
            case "POST billing /api/invoices/{id}/payments" -> pay(segments[2], call.body());
            case "POST billing /api/invoices/{id}/void" -> voidInvoice(segments[2], call.body());
            case "POST billing /api/invoices/{id}/assistance" -> applyAssistance(segments[2]);
            default -> refused(404, "NOT_FOUND");
        };
    }

    private Answer submit(JsonNode body) {
        siteId = body.path("siteId").asString();
        requestStatus = "REQUESTED";
        Duration lead = consultationLead;
        if (lead != null) {
            Instant startsAt = now.get().plus(lead);
            appointments.put(CONSULTATION_ID, appointment(CONSULTATION_ID, "CONSULTATION", startsAt, 45));
            requestStatus = "CONSULTATION_SCHEDULED";
        }
        return new Answer(201, Map.of("id", REQUEST_ID, "patientId", PATIENT_ID, "status", requestStatus));
    }

    private Map<String, Object> appointment(String id, String type, Instant startsAt, int minutes) {
        Map<String, Object> appointment = new LinkedHashMap<>();
        appointment.put("id", id);
        appointment.put("type", type);
        appointment.put("patientId", PATIENT_ID);
        appointment.put("siteId", siteId);
        appointment.put("startsAt", startsAt.toString());
        appointment.put("endsAt", startsAt.plus(Duration.ofMinutes(minutes)).toString());
        appointment.put("status", "SCHEDULED");
        appointment.put("late", false);
        return appointment;
    }

    private Map<String, Object> requestView() {
        Map<String, Object> view = new LinkedHashMap<>();
        view.put("id", REQUEST_ID);
        view.put("status", requestStatus);
        Map<String, Object> consultation = appointments.get(CONSULTATION_ID);
        if (consultation != null) {
            view.put("consultation", Map.of("status", consultation.get("status")));
        }
        if (screened) {
            view.put("screening", Map.of("eligibility", "ELIGIBLE"));
        }
        return view;
    }

    private String consultationStatus() {
        Map<String, Object> consultation = appointments.get(CONSULTATION_ID);
        return consultation == null ? "" : String.valueOf(consultation.get("status"));
    }

    private Answer screen() {
        if (!Set.of("CHECKED_IN", "COMPLETED").contains(consultationStatus())) {
            return refused(409, "CONSULTATION_NOT_CHECKED_IN");
        }
        if (!OPEN.contains(requestStatus)) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        screened = true;
        requestStatus = "SCREENED";
        return ok(requestView());
    }

    private Answer decide(JsonNode body) {
        if (!consultationStatus().equals("COMPLETED") || !requestStatus.equals("SCREENED")) {
            return refused(409, "CONSULTATION_NOT_COMPLETED");
        }
        requestStatus = body.path("decision").asString();
        if (requestStatus.equals("ACCEPTED")) {
            // one session, the next day: enough for a journey
            appointments.put(
                    INFUSION_ID, appointment(INFUSION_ID, "INFUSION", now.get().plus(Duration.ofDays(1)), 180));
        }
        return ok(requestView());
    }

    private Answer withdraw(JsonNode body) {
        String reason = body.path("reason").asString("");
        if (!Set.of("", "PATIENT_CHOICE", "TREATED_ELSEWHERE", "COST", "NO_RESPONSE", "DUPLICATE", "OTHER")
                .contains(reason)) {
            return refused(400, "reason");
        }
        if (!OPEN.contains(requestStatus)) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        requestStatus = "WITHDRAWN";
        Map<String, Object> consultation = appointments.get(CONSULTATION_ID);
        if (consultation != null && CANCELLABLE.contains(String.valueOf(consultation.get("status")))) {
            consultation.put("status", "CANCELLED");
            consultation.put("cancelReason", "REQUEST_WITHDRAWN");
        }
        return ok(requestView());
    }

    private List<Map<String, Object>> appointmentsFor(Map<String, String> params) {
        return appointments.values().stream()
                .filter(a -> a.get("type").equals(params.get("type")))
                .filter(a -> !params.containsKey("status") || a.get("status").equals(params.get("status")))
                .toList();
    }

    private @Nullable Map<String, Object> appointmentOrNull(String id) {
        return appointments.get(id);
    }

    private Answer checkIn(String id) {
        Map<String, Object> appointment = appointmentOrNull(id);
        if (appointment == null) {
            return refused(404, "NOT_FOUND");
        }
        Instant startsAt = Instant.parse(String.valueOf(appointment.get("startsAt")));
        if (!appointment.get("status").equals("SCHEDULED")) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        if (now.get().isBefore(startsAt.minus(Duration.ofHours(2)))) {
            return refused(409, "CHECK_IN_NOT_OPEN");
        }
        if (now.get().isAfter(startsAt.plus(Duration.ofMinutes(30)))) {
            return refused(409, "CHECK_IN_CLOSED");
        }
        appointment.put("status", "CHECKED_IN");
        return ok(appointment);
    }

    private Answer start(String id) {
        Map<String, Object> appointment = appointmentOrNull(id);
        if (appointment == null || !appointment.get("status").equals("CHECKED_IN")) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        appointment.put("status", "IN_PROGRESS");
        return ok(appointment);
    }

    private Answer complete(String id) {
        Map<String, Object> appointment = appointmentOrNull(id);
        if (appointment == null
                || !Set.of("SCHEDULED", "CHECKED_IN", "IN_PROGRESS").contains(appointment.get("status"))
                || (appointment.get("type").equals("INFUSION")
                        && !appointment.get("status").equals("IN_PROGRESS"))) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        appointment.put("status", "COMPLETED");
        if (appointment.get("type").equals("INFUSION")) {
            issue("SESSION", appointment);
        }
        return ok(appointment);
    }

    private Answer stop(String id) {
        Map<String, Object> appointment = appointmentOrNull(id);
        if (appointment == null || !appointment.get("status").equals("IN_PROGRESS")) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        appointment.put("status", "STOPPED");
        issue("SESSION", appointment);
        return ok(appointment);
    }

    private Answer cancel(String id, JsonNode body) {
        Map<String, Object> appointment = appointmentOrNull(id);
        if (appointment == null) {
            return refused(404, "NOT_FOUND");
        }
        String reason = body.path("reason").asString("PATIENT_REQUEST");
        if (!Set.of("PATIENT_REQUEST", "CLINIC_REQUEST", "ILLNESS", "OTHER").contains(reason)) {
            return refused(400, "reason");
        }
        if (!CANCELLABLE.contains(String.valueOf(appointment.get("status")))) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        Instant startsAt = Instant.parse(String.valueOf(appointment.get("startsAt")));
        boolean late = now.get().plus(Duration.ofHours(24)).isAfter(startsAt);
        appointment.put("status", "CANCELLED");
        appointment.put("cancelReason", reason);
        appointment.put("late", late);
        if (late && appointment.get("type").equals("INFUSION")) {
            issue("LATE_CANCELLATION", appointment);
        }
        return ok(appointment);
    }

    private Answer noShow(String id, boolean admin) {
        Map<String, Object> appointment = appointmentOrNull(id);
        if (appointment == null) {
            return refused(404, "NOT_FOUND");
        }
        if (!admin && !appointment.get("type").equals("CONSULTATION")) {
            return refused(403, "FORBIDDEN"); // a clinician records consultations' no-shows, nurses sessions'
        }
        if (!CANCELLABLE.contains(String.valueOf(appointment.get("status")))) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        if (now.get().isBefore(Instant.parse(String.valueOf(appointment.get("startsAt"))))) {
            return refused(409, "TOO_EARLY");
        }
        appointment.put("status", "NO_SHOW");
        if (appointment.get("type").equals("INFUSION")) {
            issue("NO_SHOW", appointment);
        }
        return ok(appointment);
    }

    private void issue(String source, Map<String, Object> appointment) {
        Instant serviceAt = Instant.parse(String.valueOf(appointment.get("startsAt")));
        int discount = discountOn(serviceAt);
        BigDecimal total = discounted(discount);
        Map<String, Object> invoice = new LinkedHashMap<>();
        String id = "inv_" + (invoices.size() + 1);
        invoice.put("id", id);
        invoice.put("patientId", PATIENT_ID);
        invoice.put("siteId", siteId);
        invoice.put("payerType", payerType);
        invoice.put("source", source);
        invoice.put("sourceId", appointment.get("id"));
        invoice.put("status", "ISSUED");
        invoice.put("discountPercent", discount);
        invoice.put("total", total.toPlainString());
        invoice.put("paid", "0.00");
        invoice.put("balance", total.toPlainString());
        invoice.put("serviceAt", serviceAt.toString());
        invoice.put("issuedAt", now.get().toString());
        invoices.put(id, invoice);
    }

    private static BigDecimal discounted(int percent) {
        return PRICE.multiply(BigDecimal.valueOf(100 - percent))
                .divide(BigDecimal.valueOf(100), 2, RoundingMode.HALF_EVEN);
    }

    /** The discount of the latest decision covering the day of service at the site, 0 without one. */
    private int discountOn(Instant serviceAt) {
        ZoneId zone = DemoSites.ALL.stream()
                .filter(s -> s.id().equals(siteId))
                .map(s -> ZoneId.of(s.timeZone()))
                .findFirst()
                .orElse(ZoneOffset.UTC);
        LocalDate day = serviceAt.atZone(zone).toLocalDate();
        for (int i = decisions.size() - 1; i >= 0; i--) {
            Object[] decision = decisions.get(i);
            if (!day.isBefore((LocalDate) decision[0]) && !day.isAfter((LocalDate) decision[1])) {
                return (int) decision[2];
            }
        }
        return 0;
    }

    private Answer decideAssistance(JsonNode body) {
        LocalDate from = LocalDate.parse(body.path("effectiveFrom").asString());
        LocalDate to = LocalDate.parse(body.path("effectiveTo").asString());
        int size = body.path("householdSize").asInt();
        BigDecimal income = new BigDecimal(body.path("householdIncome").asString());
        // billing's default scale: 75 % up to the guideline, 50 % up to twice it, 25 % up to three times
        BigDecimal guideline = BigDecimal.valueOf(15_650 + 5_500L * (size - 1));
        int discount = income.compareTo(guideline) <= 0
                ? 75
                : income.compareTo(guideline.multiply(BigDecimal.valueOf(2))) <= 0
                        ? 50
                        : income.compareTo(guideline.multiply(BigDecimal.valueOf(3))) <= 0 ? 25 : 0;
        if (to.isBefore(from)) {
            return refused(400, "effectiveTo");
        }
        decisions.add(new Object[] {from, to, discount});
        return new Answer(201, Map.of("discountPercent", discount, "effectiveFrom", from.toString()));
    }

    private List<Map<String, Object>> invoicesFor(Map<String, String> params) {
        return invoices.values().stream()
                .filter(i -> !params.containsKey("status") || i.get("status").equals(params.get("status")))
                .toList();
    }

    private Answer pay(String id, JsonNode body) {
        Map<String, Object> invoice = invoices.get(id);
        if (invoice == null) {
            return refused(404, "NOT_FOUND");
        }
        BigDecimal amount = new BigDecimal(body.path("amount").asString("0"));
        BigDecimal balance = new BigDecimal(String.valueOf(invoice.get("balance")));
        if (!OWED.contains(String.valueOf(invoice.get("status")))) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        if (amount.signum() <= 0 || amount.compareTo(balance) > 0) {
            return refused(409, "OVERPAYMENT");
        }
        BigDecimal paid = new BigDecimal(String.valueOf(invoice.get("paid"))).add(amount);
        invoice.put("paid", paid.toPlainString());
        invoice.put("balance", balance.subtract(amount).toPlainString());
        invoice.put("status", balance.compareTo(amount) == 0 ? "PAID" : "PARTIALLY_PAID");
        return ok(invoice);
    }

    private Answer voidInvoice(String id, JsonNode body) {
        Map<String, Object> invoice = invoices.get(id);
        if (invoice == null) {
            return refused(404, "NOT_FOUND");
        }
        if (body.path("reason").asString("").isBlank()) {
            return refused(400, "reason");
        }
        if (!OWED.contains(String.valueOf(invoice.get("status")))) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        if (new BigDecimal(String.valueOf(invoice.get("paid"))).signum() > 0) {
            return refused(409, "REFUND_FIRST");
        }
        invoice.put("status", "VOID");
        return ok(invoice);
    }

    private Answer applyAssistance(String id) {
        Map<String, Object> invoice = invoices.get(id);
        if (invoice == null) {
            return refused(404, "NOT_FOUND");
        }
        if (!OWED.contains(String.valueOf(invoice.get("status")))) {
            return refused(409, "ILLEGAL_TRANSITION");
        }
        int discount = discountOn(Instant.parse(String.valueOf(invoice.get("serviceAt"))));
        if (discount == 0) {
            return refused(409, "NO_ASSISTANCE_DECISION");
        }
        BigDecimal total = discounted(discount);
        BigDecimal paid = new BigDecimal(String.valueOf(invoice.get("paid")));
        if (total.compareTo(paid) < 0) {
            return refused(409, "DISCOUNT_BELOW_PAID");
        }
        invoice.put("discountPercent", discount);
        invoice.put("total", total.toPlainString());
        invoice.put("balance", total.subtract(paid).toPlainString());
        return ok(invoice);
    }

    private static Map<String, String> params(String query) {
        Map<String, String> params = new LinkedHashMap<>();
        for (String pair : query.split("&")) {
            int equals = pair.indexOf('=');
            if (equals > 0) {
                params.put(
                        pair.substring(0, equals),
                        URLDecoder.decode(pair.substring(equals + 1), StandardCharsets.UTF_8));
            }
        }
        return params;
    }

    private static void respond(HttpExchange exchange, int status, Object body) throws IOException {
        byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        // a connection a call: kept alive, each answer waits for the client's delayed ACK (some 40 ms)
        exchange.getResponseHeaders().add("Connection", "close");
        exchange.sendResponseHeaders(status, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }
}
