package org.clinicops.intake.patients.adapter.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.google.crypto.tink.aead.PredefinedAeadParameters;
import com.google.crypto.tink.prf.PredefinedPrfParameters;
import com.mongodb.client.MongoClient;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.List;
import org.bson.Document;
import org.clinicops.events.PayerType;
import org.clinicops.events.SiteUpdated;
import org.clinicops.intake.encryption.FieldCipher;
import org.clinicops.intake.encryption.Keysets;
import org.clinicops.intake.encryption.MatchKeys;
import org.clinicops.intake.patients.domain.Patient;
import org.clinicops.platform.outbox.PendingEvent;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.test.EventRecords;
import org.clinicops.platform.test.ServiceIntegrationTest;
import org.clinicops.platform.test.TestClock;
import org.clinicops.platform.test.TestInstants;
import org.clinicops.platform.test.TestTokens;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.mockito.ArgumentMatchers;
import org.mockito.Mockito;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.web.client.RestClient;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@ServiceIntegrationTest
class PatientEncryptionTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final LocalDate BORN = LocalDate.of(1979, 11, 3);
    /** A weekday morning at the site (UTC), when its staff register patients. */
    static final Instant MORNING = TestInstants.weekdayAt(LocalTime.of(10, 0), ZoneOffset.UTC);

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    MongoClient client;

    @Autowired
    KafkaTemplate<String, byte[]> kafka;

    @Autowired
    TestClock clock;

    @TempDir
    Path keys;

    @BeforeEach
    void itIsAWeekdayMorning() {
        clock.set(MORNING);
    }

    @Test
    void theDatabaseHoldsNoNameContactOrBirthDateInClearYetTheApiShowsThem() {
        siteIsKnown("enc");
        String intake = TestTokens.of("intake-enc", Role.INTAKE, "enc");
        JsonNode created = call("POST", "/api/consultation-requests", intake, """
                {"siteId": "enc", "patient": {"firstName": "Ottoline", "lastName": "Brackenbury",
                 "dateOfBirth": "1968-07-14", "email": "ottoline.b@example.com", "phone": "+1 617 555 0123"},
                 "condition": "ANXIETY", "referralSource": "SELF", "payerType": "SELF_PAY"}""");
        String patientId = created.path("patientId").asString();

        Document raw = mongo.getCollection("patients")
                .find(new Document("_id", patientId))
                .first();
        assertThat(raw).isNotNull();
        assertThat(raw.getString("matchKey")).hasSize(64);
        Document fields = new Document(raw);
        fields.remove("_id"); // random ids and hex digests could hold any four digits
        fields.remove("matchKey");
        assertThat(fields.toJson())
                .doesNotContainIgnoringCase("Ottoline")
                .doesNotContainIgnoringCase("Brackenbury")
                .doesNotContain("1968")
                .doesNotContain("ottoline.b")
                .doesNotContain("example.com")
                .doesNotContain("555 0123");

        JsonNode patient = call("GET", "/api/patients/" + patientId, intake, null);
        assertThat(patient.path("firstName").asString()).isEqualTo("Ottoline");
        assertThat(patient.path("lastName").asString()).isEqualTo("Brackenbury");
        assertThat(patient.path("dateOfBirth").asString()).isEqualTo("1968-07-14");
        assertThat(patient.path("email").asString()).isEqualTo("ottoline.b@example.com");
        assertThat(patient.path("phone").asString()).isEqualTo("+1 617 555 0123");

        JsonNode reEncrypted = call("POST", "/api/admin/patients/re-encrypt", TestTokens.admin(), null);
        assertThat(reEncrypted.path("patients").asLong()).isPositive();
        Document rewritten = mongo.getCollection("patients")
                .find(new Document("_id", patientId))
                .first();
        assertThat(rewritten.getString("email")).isNotEqualTo(raw.getString("email"));
        assertThat(call("GET", "/api/patients/" + patientId, intake, null)
                        .path("email")
                        .asString())
                .isEqualTo("ottoline.b@example.com");
    }

    @Test
    void aPatientWrittenUnderAnOldKeyStillReadsAfterRotationAndIsRewrittenWithTheNewKey() {
        MongoTemplate store = new MongoTemplate(client, "intake-rotation-" + System.nanoTime());
        Path fieldKeys = keys.resolve("field.json");
        Path matchKeys = keys.resolve("match.json");
        EncryptedPatients before = patients(store, fieldKeys, matchKeys);
        Patient patient = patient("p_rot");
        before.insert(patient);
        Document old = store.getCollection("patients").find().first();

        Keysets.addPrimaryKey(fieldKeys, PredefinedAeadParameters.AES256_GCM);
        Keysets.addPrimaryKey(matchKeys, PredefinedPrfParameters.HMAC_SHA256_PRF);
        EncryptedPatients after = patients(store, fieldKeys, matchKeys);

        assertThat(after.find("p_rot").orElseThrow().email()).isEqualTo("r.otation@example.org");
        assertThat(after.findByIdentity(patient.canonicalIdentity()))
                .hasValueSatisfying(p -> assertThat(p.id()).isEqualTo("p_rot"));

        assertThat(after.reEncryptAll()).isEqualTo(1);
        Document rewritten = store.getCollection("patients").find().first();
        assertThat(rewritten.getString("phone")).isNotEqualTo(old.getString("phone"));
        assertThat(rewritten.getString("matchKey")).isNotEqualTo(old.getString("matchKey"));
        assertThat(after.find("p_rot").orElseThrow().dateOfBirth()).isEqualTo(BORN);
        assertThat(after.findByIdentity(patient.canonicalIdentity())).isPresent();
    }

    @Test
    void withOneMatchKeyANewPatientIsStoredWithoutALookupAndAReturningOneMeetsTheUniqueKey() {
        MongoTemplate store =
                Mockito.spy(withUniqueMatchKey(new MongoTemplate(client, "intake-first-" + System.nanoTime())));
        EncryptedPatients patients = patients(store, keys.resolve("field.json"), keys.resolve("match.json"));

        assertThat(patients.findOrInsert(patient("p_first")).id()).isEqualTo("p_first");
        Mockito.verify(store, Mockito.never()).findOne(ArgumentMatchers.any(Query.class), ArgumentMatchers.any());

        assertThat(patients.findOrInsert(patient("p_second")).id())
                .as("the same person again")
                .isEqualTo("p_first");
        assertThat(store.getCollection("patients").countDocuments()).isEqualTo(1);
    }

    @Test
    void whileARotatedKeysetHoldsAnOlderKeyAPatientStoredUnderItIsFoundNotStoredTwice() {
        MongoTemplate store = withUniqueMatchKey(new MongoTemplate(client, "intake-rotating-" + System.nanoTime()));
        Path fieldKeys = keys.resolve("field.json");
        Path matchKeys = keys.resolve("match.json");
        patients(store, fieldKeys, matchKeys).insert(patient("p_old_key"));
        Keysets.addPrimaryKey(matchKeys, PredefinedPrfParameters.HMAC_SHA256_PRF);

        // the new primary key's match key collides with nothing: only the lookup by every key finds them
        assertThat(patients(store, fieldKeys, matchKeys)
                        .findOrInsert(patient("p_new_key"))
                        .id())
                .isEqualTo("p_old_key");
        assertThat(store.getCollection("patients").countDocuments()).isEqualTo(1);
    }

    @Test
    void aStoreOpenedWithTheWrongKeyFailsClearlyInsteadOfShowingGarbage() {
        MongoTemplate store = new MongoTemplate(client, "intake-wrong-key-" + System.nanoTime());
        patients(store, keys.resolve("right.json"), keys.resolve("match.json")).insert(patient("p_wrong"));

        EncryptedPatients wrong = patients(store, keys.resolve("wrong.json"), keys.resolve("match.json"));

        assertThatThrownBy(() -> wrong.find("p_wrong"))
                .isInstanceOf(FieldCipher.FieldDecryptionException.class)
                .hasMessageContaining("patients/p_wrong/")
                .hasMessageContaining("no key of the configured keyset");
    }

    /** A fresh database with the patients' unique match key, as the service's start-up creates it. */
    private static MongoTemplate withUniqueMatchKey(MongoTemplate store) {
        store.indexOps("patients")
                .createIndex(new Index().on("matchKey", Sort.Direction.ASC).unique());
        return store;
    }

    private static EncryptedPatients patients(MongoTemplate store, Path fieldKeys, Path matchKeys) {
        return new EncryptedPatients(
                store,
                new FieldCipher(Keysets.loadOrCreate(fieldKeys, PredefinedAeadParameters.AES256_GCM, true)),
                new MatchKeys(Keysets.loadOrCreate(matchKeys, PredefinedPrfParameters.HMAC_SHA256_PRF, true)));
    }

    private static Patient patient(String id) {
        return Patient.register(
                id,
                "Rosalind",
                "Otation",
                BORN,
                "r.otation@example.org",
                "+1 303 555 0111",
                "den",
                PayerType.SELF_PAY,
                Instant.parse("2026-11-01T10:00:00Z"));
    }

    private void siteIsKnown(String site) {
        kafka.send(EventRecords.fromOwner(PendingEvent.of(
                new SiteUpdated(site, site, "UTC", "USD", 2, List.of(), true, clock.instant()),
                "evt_site_" + site,
                clock.instant())));
        await().until(() -> mongo.exists(Query.query(Criteria.where("_id").is(site)), "sites"));
    }

    private JsonNode call(String method, String path, String token, String body) {
        RestClient http =
                RestClient.builder().baseUrl("http://localhost:" + port).build();
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .header(HttpHeaders.AUTHORIZATION, TestTokens.bearer(token));
        if (body != null) {
            request = request.contentType(MediaType.APPLICATION_JSON).body(body);
        }
        return request.exchange((req, res) -> {
            String text = new String(res.getBody().readAllBytes(), StandardCharsets.UTF_8);
            assertThat(res.getStatusCode().is2xxSuccessful()).as(text).isTrue();
            return JSON.readTree(text);
        });
    }
}
