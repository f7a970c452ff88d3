package org.clinicops.platform.testapp;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.ArraySchema;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.Digits;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.clinicops.platform.ids.IdGenerator;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.data.support.PageableExecutionUtils;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * A small API documented the way the platform asks every service to (summaries, bounds, enums), on
 * which the OpenAPI contract and the fuzz harness are proven. ADMIN only (no policy rule names it).
 */
@RestController
@RequestMapping("/api/samples")
@Tag(name = "samples", description = "Samples that prove the API conventions")
class ApiSampleEndpoints {

    static final String COLLECTION = "api_samples";

    enum Kind {
        ROUTINE,
        URGENT
    }

    /** A new sample: bounded strings and lists, an enum, money with at most 12 + 2 digits. */
    record NewSample(
            @NotBlank @Size(max = 40) String name,
            @NotNull Kind kind,

            @ArraySchema(maxItems = 5, schema = @Schema(maxLength = 20)) @Size(max = 5)
            List<@NotBlank @Size(max = 20) String> tags,

            @Schema(maximum = "999999999999.99", minimum = "0") @DecimalMin("0") @Digits(integer = 12, fraction = 2)
            BigDecimal amount,

            @Nullable LocalDate due) {}

    record Sample(String id, String name, Kind kind, List<String> tags, BigDecimal amount, boolean archived) {}

    /** One line of a sample: a short code and a quantity. */
    record SampleLine(
            @NotBlank @Size(max = 8) String code,

            @Schema(minimum = "1", maximum = "99") @Min(1) @Max(99)
            int quantity) {}

    /** The lines of a sample, replaced together. */
    record SampleLines(
            @ArraySchema(maxItems = 5) @NotNull @Size(max = 5)
            List<@Valid @NotNull SampleLine> lines) {}

    private final MongoTemplate mongo;
    private final IdGenerator ids;

    ApiSampleEndpoints(MongoTemplate mongo, IdGenerator ids) {
        this.mongo = mongo;
        this.ids = ids;
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(operationId = "createSample", summary = "Records a sample")
    Sample create(@Valid @RequestBody NewSample sample) {
        Sample created = new Sample(
                ids.next("s_"),
                sample.name(),
                sample.kind(),
                sample.tags() == null ? List.of() : sample.tags(),
                sample.amount() == null ? BigDecimal.ZERO : sample.amount(),
                false);
        return mongo.insert(created, COLLECTION);
    }

    @GetMapping("/{id}")
    @Operation(
            operationId = "readSample",
            summary = "Reads one sample",
            responses = {
                @ApiResponse(responseCode = "200", description = "The sample"),
                @ApiResponse(responseCode = "404", description = "No sample with this id")
            })
    Sample read(@PathVariable @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String id) {
        Sample sample = mongo.findById(id, Sample.class, COLLECTION);
        if (sample == null) {
            throw new NotFoundException("sample", id);
        }
        return sample;
    }

    @GetMapping
    @Operation(operationId = "listSamples", summary = "Lists samples, optionally of one kind")
    Page<Sample> list(@RequestParam(required = false) @Nullable Kind kind, Pageable page) {
        Query query =
                kind == null ? new Query() : Query.query(Criteria.where("kind").is(kind));
        List<Sample> content = mongo.find(Query.of(query).with(page), Sample.class, COLLECTION);
        return PageableExecutionUtils.getPage(
                content, page, () -> mongo.count(Query.of(query).limit(-1).skip(-1), COLLECTION));
    }

    /**
     * A constrained path variable beside a validated body: Spring validates the whole method, and a
     * refusal names the path variable ({@code id}) and the body's fields ({@code lines[0].code}).
     */
    @PutMapping("/{id}/lines")
    @Operation(
            operationId = "replaceSampleLines",
            summary = "Replaces the lines of a sample",
            responses = {
                @ApiResponse(responseCode = "200", description = "The lines"),
                @ApiResponse(responseCode = "404", description = "No sample with this id")
            })
    SampleLines replaceLines(
            @PathVariable @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String id,
            @Valid @RequestBody SampleLines lines) {
        long matched = mongo.updateFirst(
                        Query.query(Criteria.where("_id").is(id)), Update.update("lines", lines.lines()), COLLECTION)
                .getMatchedCount();
        if (matched == 0) {
            throw new NotFoundException("sample", id);
        }
        return lines;
    }

    @PostMapping("/{id}/archive")
    @Operation(operationId = "archiveSample", summary = "Archives a sample (once)")
    Sample archive(@PathVariable @Size(max = 40) @Pattern(regexp = "[A-Za-z0-9_-]+") String id) {
        Sample sample = read(id);
        if (sample.archived()) {
            throw new ConflictException("ALREADY_ARCHIVED", "The sample is archived already");
        }
        Sample archived = new Sample(sample.id(), sample.name(), sample.kind(), sample.tags(), sample.amount(), true);
        mongo.save(archived, COLLECTION);
        return archived;
    }
}
