package org.clinicops.platform.web;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Map;
import org.clinicops.events.Condition;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.NotFoundException;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.boot.webmvc.test.autoconfigure.WebMvcTest;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.test.web.servlet.assertj.MockMvcTester;
import org.springframework.test.web.servlet.assertj.MvcTestResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

// Problem details alone: security is tested in PlatformSecurityTest.
@WebMvcTest(controllers = ProblemDetailsAdviceTest.SampleController.class)
@AutoConfigureMockMvc(addFilters = false)
@ContextConfiguration(
        classes = {
            ProblemDetailsAdviceTest.SampleApp.class,
            ProblemDetailsAdviceTest.SampleController.class,
            ProblemDetailsAdvice.class
        })
class ProblemDetailsAdviceTest {

    @Autowired
    MockMvcTester mvc;

    @Test
    void namesEveryInvalidFieldOfTheBody() {
        MvcTestResult result = post("{\"name\": \"\", \"score\": 31, \"condition\": \"PTSD\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors[0].field", f -> assertThat(f).asString().isEqualTo("name"))
                .hasPathSatisfying(
                        "$.errors[1].field", f -> assertThat(f).asString().isEqualTo("score"))
                .hasPathSatisfying(
                        "$.detail", d -> assertThat(d).asString().contains("score must be less than or equal to 27"));
    }

    @Test
    void listsTheAllowedValuesOfAnUnknownEnumValue() {
        MvcTestResult result = post("{\"name\": \"x\", \"score\": 3, \"condition\": \"FLU\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors[0].field", f -> assertThat(f).asString().isEqualTo("condition"))
                .hasPathSatisfying(
                        "$.errors[0].message",
                        m -> assertThat(m)
                                .asString()
                                .contains("cannot be 'FLU'")
                                .contains("TREATMENT_RESISTANT_DEPRESSION"));
    }

    @Test
    void saysWhichFieldHasTheWrongType() {
        MvcTestResult result = post("{\"name\": \"x\", \"score\": \"high\", \"condition\": \"PTSD\"}");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors[0].field", f -> assertThat(f).asString().isEqualTo("score"));
    }

    @Test
    void answersMalformedJsonWithABadRequestProblem() {
        MvcTestResult result = post("{\"name\": ");

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors[0].field", f -> assertThat(f).asString().isEqualTo("body"));
    }

    @Test
    void namesABadQueryParameter() {
        MvcTestResult result = mvc.get().uri("/samples?condition=FLU").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors[0].field", f -> assertThat(f).asString().isEqualTo("condition"));
    }

    @Test
    void answersAnUnknownIdWithNotFound() {
        MvcTestResult result = mvc.get().uri("/samples/s_missing").exchange();

        assertThat(result).hasStatus(HttpStatus.NOT_FOUND).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.detail", d -> assertThat(d).asString().isEqualTo("sample s_missing was not found"));
    }

    @Test
    void answersAConflictWithItsCodeAndExtraMembers() {
        MvcTestResult result = mvc.get().uri("/samples/s_taken").exchange();

        assertThat(result).hasStatus(HttpStatus.CONFLICT);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying("$.code", c -> assertThat(c).asString().isEqualTo("SLOT_TAKEN"))
                .hasPathSatisfying(
                        "$.alternatives[0]", a -> assertThat(a).asString().isEqualTo("2026-12-01T15:00:00Z"));
    }

    @Test
    void answersAConcurrentUpdateWithConflictEverywhere() {
        MvcTestResult result = mvc.get().uri("/failures/optimistic-lock").exchange();

        assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying("$.code", c -> assertThat(c).asString().isEqualTo("CONCURRENT_UPDATE"));
    }

    @Test
    void answersATakenUniqueKeyWithConflictWithoutEchoingTheKey() throws Exception {
        MvcTestResult result = mvc.get().uri("/failures/duplicate-key").exchange();

        assertThat(result).hasStatus(HttpStatus.CONFLICT).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying("$.code", c -> assertThat(c).asString().isEqualTo("DUPLICATE"));
        assertThat(result.getResponse().getContentAsString()).doesNotContain("p_secret");
    }

    @Test
    void answersAViolatedConstraintOfMethodValidationWithBadRequestNamingTheField() throws Exception {
        MvcTestResult result = mvc.get().uri("/failures/constraint-violation").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors[0].field", f -> assertThat(f).asString().isEqualTo("name"))
                .hasPathSatisfying(
                        "$.errors[1].field", f -> assertThat(f).asString().isEqualTo("score"));
        assertThat(result.getResponse().getContentAsString()).doesNotContain("80");
    }

    @Test
    void answersAnUnreadableMultipartBodyAndAnUnknownSortKeyWithBadRequest() {
        for (String failure : java.util.List.of("multipart", "sort-key")) {
            MvcTestResult result = mvc.get().uri("/failures/" + failure).exchange();

            assertThat(result)
                    .as(failure)
                    .hasStatus(HttpStatus.BAD_REQUEST)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        }
    }

    @Test
    void answersAnUnreachableDatabaseWithServiceUnavailableAndRetryAfter() {
        for (String failure : java.util.List.of("mongo-timeout", "mongo-socket", "resource-failure")) {
            MvcTestResult result = mvc.get().uri("/failures/" + failure).exchange();

            assertThat(result)
                    .as(failure)
                    .hasStatus(HttpStatus.SERVICE_UNAVAILABLE)
                    .hasContentType(MediaType.APPLICATION_PROBLEM_JSON)
                    .hasHeader("Retry-After", "5");
        }
    }

    @Test
    void listsTheAllowedValuesOfAnUnknownEnumInAFormWithoutJavaTypeNames() {
        MvcTestResult result = mvc.post()
                .uri("/forms")
                .contentType(MediaType.APPLICATION_FORM_URLENCODED)
                .content("condition=FLU&score=high")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.detail",
                        d -> assertThat(d)
                                .asString()
                                .contains("condition cannot be 'FLU': expected one of [")
                                .contains("score cannot be 'high': expected an integer")
                                .doesNotContain("java.", "org.clinicops"));
    }

    @Test
    void answersAWronglyTypedParameterWithBadRequestSayingWhatWasExpected() {
        MvcTestResult result = mvc.get().uri("/counts?limit=lots").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors[0].message",
                        m -> assertThat(m).asString().isEqualTo("cannot be 'lots': expected an integer"));
    }

    @Test
    void showsAParameterGivenTwiceAsItsValuesNotAsAJavaArray() {
        MvcTestResult result = mvc.get().uri("/counts?limit=lots&limit=more").exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .hasPathSatisfying(
                        "$.errors[0].message",
                        m -> assertThat(m).asString().isEqualTo("cannot be 'lots,more': expected an integer"));
    }

    @Test
    void answersEveryOtherRefusedRequestWithAProblemDetailNeverA500() {
        assertThat(mvc.get().uri("/samples").exchange())
                .as("missing parameter")
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post()
                        .uri("/samples")
                        .contentType(MediaType.TEXT_PLAIN)
                        .content("hello")
                        .exchange())
                .as("unsupported media type")
                .hasStatus(HttpStatus.UNSUPPORTED_MEDIA_TYPE)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.delete().uri("/samples").exchange())
                .as("method not allowed")
                .hasStatus(HttpStatus.METHOD_NOT_ALLOWED)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.get().uri("/counts?limit=0").exchange())
                .as("parameter out of bounds")
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(mvc.post()
                        .uri("/samples")
                        .contentType(MediaType.APPLICATION_JSON)
                        .exchange())
                .as("no body")
                .hasStatus(HttpStatus.BAD_REQUEST)
                .hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
    }

    @Test
    void namesAConstrainedPathVariableAndParameterByTheirNamesAndTheBodysFieldsByTheirJsonPath() {
        MvcTestResult result = mvc.put()
                .uri("/orders/o-123456?note=long")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\": [{\"code\": \"a\", \"quantity\": 1}, {\"code\": \"\", \"quantity\": 0}]}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST).hasContentType(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("lines[1].code", "lines[1].quantity", "note", "orderId");
    }

    @Test
    void namesOnlyTheBodysFieldsWhenThePathVariableBesideItIsValid() {
        MvcTestResult result = mvc.put()
                .uri("/orders/o-1")
                .contentType(MediaType.APPLICATION_JSON)
                .content("{\"lines\": [{\"code\": \"\", \"quantity\": 1}]}")
                .exchange();

        assertThat(result).hasStatus(HttpStatus.BAD_REQUEST);
        assertThat(result)
                .bodyJson()
                .extractingPath("$.errors[*].field")
                .asArray()
                .containsExactly("lines[0].code");
    }

    private MvcTestResult post(String json) {
        return mvc.post()
                .uri("/samples")
                .contentType(MediaType.APPLICATION_JSON)
                .content(json)
                .exchange();
    }

    @SpringBootApplication
    static class SampleApp {}

    record Sample(@NotBlank String name, @Min(0) @Max(27) int score, Condition condition) {}

    record SampleForm(Condition condition, int score) {}

    record Line(@NotBlank String code, @Min(1) int quantity) {}

    record Order(@NotEmpty List<@Valid Line> lines) {}

    @RestController
    static class SampleController {

        @PostMapping("/samples")
        Sample create(@Valid @RequestBody Sample sample) {
            return sample;
        }

        @GetMapping("/samples")
        String list(@RequestParam Condition condition) {
            return condition.name();
        }

        @PutMapping("/orders/{orderId}")
        Order replaceOrder(
                @PathVariable("orderId") @Size(max = 5) String id,
                @RequestParam(name = "note", required = false) @Size(max = 3) String remark,
                @Valid @RequestBody Order order) {
            return order;
        }

        @GetMapping("/counts")
        int count(@RequestParam @Min(1) int limit) {
            return limit;
        }

        @PostMapping("/forms")
        String form(@org.springframework.web.bind.annotation.ModelAttribute SampleForm form) {
            return form.toString();
        }

        @GetMapping("/failures/{kind}")
        String fail(@PathVariable String kind) {
            throw switch (kind) {
                case "optimistic-lock" -> new org.springframework.dao.OptimisticLockingFailureException("version 3");
                case "duplicate-key" -> new org.springframework.dao.DuplicateKeyException("E11000 dup key p_secret");
                case "mongo-timeout" -> new com.mongodb.MongoTimeoutException("no server within 3000 ms");
                case "mongo-socket" ->
                    new com.mongodb.MongoSocketOpenException("refused", new com.mongodb.ServerAddress("db", 27017));
                case "resource-failure" -> new org.springframework.dao.DataAccessResourceFailureException("down");
                case "multipart" ->
                    new org.springframework.web.multipart.MultipartException("no multipart boundary was found");
                case "sort-key" ->
                    new org.springframework.data.core.PropertyReferenceException(
                            "\u0000",
                            org.springframework.data.core.TypeInformation.of(Sample.class),
                            java.util.List.of());
                case "constraint-violation" ->
                    new jakarta.validation.ConstraintViolationException(
                            jakarta.validation.Validation.buildDefaultValidatorFactory()
                                    .getValidator()
                                    .validate(new Sample("", 80, Condition.values()[0])));
                default -> new IllegalStateException(kind);
            };
        }

        @GetMapping("/samples/{id}")
        Sample get(@PathVariable String id) {
            if (id.equals("s_taken")) {
                throw new ConflictException(
                        "SLOT_TAKEN",
                        "the slot is taken",
                        Map.of("alternatives", java.util.List.of("2026-12-01T15:00:00Z")));
            }
            throw new NotFoundException("sample", id);
        }
    }
}
