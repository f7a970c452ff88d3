package org.clinicops.platform.testapp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.clinicops.platform.audit.AuditRecord;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.data.mongodb.MongoDatabaseFactory;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.BulkOperations.BulkMode;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.convert.MongoConverter;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.test.context.TestPropertySource;

/**
 * The audit trail's store fails on demand: reads of patient data are then refused with 503, writes
 * go on with the loss counted. This service trusts no proxy (a documentation address only), so a
 * forwarded address is not believed.
 */
@ServiceIntegrationTest
@Import(AuditFailsClosedTest.AuditStoreThatFails.class)
@TestPropertySource(properties = "server.tomcat.remoteip.internal-proxies=192\\.0\\.2\\.1")
class AuditFailsClosedTest {

    static final AtomicBoolean auditStoreDown = new AtomicBoolean();

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MeterRegistry meters;

    final HttpClient http = HttpClient.newHttpClient();

    @AfterEach
    void auditStoreBack() {
        auditStoreDown.set(false);
    }

    @Test
    void a_read_of_a_patients_data_is_503_and_carries_nothing_when_its_audit_entry_cannot_be_written()
            throws Exception {
        auditStoreDown.set(true);

        HttpResponse<String> read = get("/api/charts/c-bos", TestTokens.of("nurse-bos", Role.NURSE, "bos"), null);

        assertThat(read.statusCode()).isEqualTo(503);
        assertThat(read.headers().firstValue("Content-Type")).hasValue("application/problem+json;charset=UTF-8");
        assertThat(read.headers().firstValue("Retry-After")).hasValue("5");
        assertThat(read.body()).contains("\"status\":503", "audit trail").doesNotContain("c-bos", "siteId");
    }

    @Test
    void a_list_read_is_503_too_when_its_audit_entry_cannot_be_written() throws Exception {
        auditStoreDown.set(true);

        HttpResponse<String> list = get("/api/charts", TestTokens.of("ops", Role.OPERATOR, "*"), null);

        assertThat(list.statusCode()).isEqualTo(503);
        assertThat(list.body()).doesNotContain("c-bos", "c-den");
    }

    @Test
    void a_write_is_answered_and_its_lost_audit_entry_is_counted() throws Exception {
        double before = failures();
        auditStoreDown.set(true);

        HttpResponse<String> write = http.send(
                HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/notes"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString("{\"a\":1}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(write.statusCode()).isEqualTo(200);
        assertThat(write.body()).isEqualTo("{\"fields\":1}");
        assertThat(failures()).isEqualTo(before + 1);
    }

    @Test
    void a_page_that_names_no_patient_is_served_while_the_audit_store_is_down() throws Exception {
        auditStoreDown.set(true);

        HttpResponse<String> page = get("/board", TestTokens.of("clinician-bos", Role.CLINICIAN, "bos"), null);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).isEqualTo("board");
    }

    @Test
    void reads_are_served_whole_again_once_the_audit_store_is_back() throws Exception {
        HttpResponse<String> read = get("/api/charts/c-bos", TestTokens.of("nurse-bos", Role.NURSE, "bos"), null);

        assertThat(read.statusCode()).isEqualTo(200);
        assertThat(read.body()).contains("\"siteId\":\"bos\"");
    }

    @Test
    void a_forwarded_address_from_an_untrusted_peer_is_not_believed() throws Exception {
        HttpResponse<String> read =
                get("/api/charts/c-bos", TestTokens.of("untrusted-reader", Role.NURSE, "bos"), "203.0.113.7");

        assertThat(read.statusCode()).isEqualTo(200);
        await().atMost(Duration.ofSeconds(5))
                .untilAsserted(() -> assertThat(mongo.find(
                                Query.query(Criteria.where("actor").is("untrusted-reader")),
                                AuditRecord.class,
                                AuditTrail.COLLECTION))
                        .extracting(AuditRecord::clientAddress)
                        .containsExactly("127.0.0.1"));
    }

    private double failures() {
        return meters.get("clinic_audit_write_failures_total").counter().count();
    }

    private HttpResponse<String> get(String path, String token, String forwardedFor) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                .header("Accept", "application/json")
                .header("Authorization", TestTokens.bearer(token));
        if (forwardedFor != null) {
            request.header("X-Forwarded-For", forwardedFor);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    /**
     * The service's MongoTemplate, failing every insert into the audit trail while the flag is set,
     * single or grouped.
     */
    @TestConfiguration
    static class AuditStoreThatFails {
        @Bean
        MongoTemplate mongoTemplate(MongoDatabaseFactory factory, MongoConverter converter) {
            return new MongoTemplate(factory, converter) {
                @Override
                public <T> T insert(T object, String collectionName) {
                    if (auditStoreDown.get() && AuditTrail.COLLECTION.equals(collectionName)) {
                        throw new DataAccessResourceFailureException("audit store unreachable");
                    }
                    return super.insert(object, collectionName);
                }

                @Override
                public BulkOperations bulkOps(BulkMode mode, Class<?> entityType, String collectionName) {
                    // entries of concurrent requests are written as one group
                    if (auditStoreDown.get() && AuditTrail.COLLECTION.equals(collectionName)) {
                        throw new DataAccessResourceFailureException("audit store unreachable");
                    }
                    return super.bulkOps(mode, entityType, collectionName);
                }
            };
        }
    }
}
