package org.clinicops.platform.deadletters;

import io.swagger.v3.oas.annotations.Operation;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.PositiveOrZero;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.clinicops.platform.kafka.ClinicTopics;
import org.clinicops.platform.problem.InvalidRequestException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.PageImpl;
import org.springframework.data.domain.PageRequest;
import org.springframework.data.web.PagedModel;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ADMIN's view of this service's dead letters: {@code GET /api/admin/dead-letters} lists them
 * (no payload, no exception message), {@code POST /api/admin/dead-letters/replay} replays one, a
 * range or a whole topic into this service's listeners. No access-policy rule names these paths, so
 * only ADMIN reaches them; the audit filter records every call. Parameters out of bounds are a 400
 * problem detail (Spring MVC's own method validation, no {@code @Validated} proxy).
 */
@RestController
@RequestMapping("/api/admin/dead-letters")
class DeadLetterController {

    private static final int MAX_PAGE_SIZE = 100;

    private final DeadLetterStore store;
    private final DeadLetterReplay replay;

    DeadLetterController(DeadLetterStore store, DeadLetterReplay replay) {
        this.store = store;
        this.replay = replay;
    }

    /** Which dead letters a listing shows. */
    enum StatusFilter {
        PENDING,
        REPLAYED,
        ALL
    }

    @Operation(
            summary = "List this service's dead letters (ADMIN)",
            description = "Position, consumer group, exception class and when first seen; never a payload,"
                    + " key or exception message.")
    @GetMapping
    PagedModel<DeadLetter> list(
            @RequestParam(required = false) @Nullable @Size(max = 200) String topic,
            @RequestParam(defaultValue = "PENDING") StatusFilter status,
            @RequestParam(defaultValue = "0") @Min(0) @Max(100_000) int page,
            @RequestParam(defaultValue = "20") @Min(1) @Max(MAX_PAGE_SIZE) int size) {
        String dlt = topic == null ? null : deadLetterTopic(topic);
        DeadLetter.Status wanted = status == StatusFilter.ALL ? null : DeadLetter.Status.valueOf(status.name());
        List<DeadLetter> content = store.page(dlt, wanted, page, size);
        long total = store.count(dlt, wanted);
        return new PagedModel<>(new PageImpl<>(content, PageRequest.of(page, size), total));
    }

    @Operation(
            summary = "Replay dead letters into this service's listeners (ADMIN)",
            description = "One or more ids, or a topic narrowed by partition and offsets; at most 500 a call.")
    @PostMapping("/replay")
    ReplayResult replay(@RequestBody @Valid ReplayRequest request) {
        if (request.ids() != null && !request.ids().isEmpty()) {
            if (request.topic() != null) {
                throw new InvalidRequestException("ids", "give either ids or a topic, not both");
            }
            return replay.handle(new ReplaySelection(request.ids(), null, null, null, null));
        }
        if (request.topic() == null || request.topic().isBlank()) {
            throw new InvalidRequestException("topic", "give a topic (with partition and offsets to narrow it) or ids");
        }
        if (request.fromOffset() != null && request.toOffset() != null && request.fromOffset() > request.toOffset()) {
            throw new InvalidRequestException("fromOffset", "must not be after toOffset");
        }
        return replay.handle(new ReplaySelection(
                List.of(),
                deadLetterTopic(request.topic()),
                request.partition(),
                request.fromOffset(),
                request.toOffset()));
    }

    /**
     * A replay request.
     *
     * @param topic the dead-letter topic or its original topic
     * @param partition one partition of it (all if absent)
     * @param fromOffset first offset (inclusive) on the dead-letter topic
     * @param toOffset last offset (inclusive) on the dead-letter topic
     * @param ids dead-letter ids from the listing, instead of a topic
     */
    record ReplayRequest(
            @Nullable @Size(max = 200) String topic,
            @Nullable @PositiveOrZero @Max(10_000) Integer partition,
            @Nullable @PositiveOrZero Long fromOffset,
            @Nullable @PositiveOrZero Long toOffset,
            @Nullable @Size(max = 100) List<@NotNull @Size(max = 300) String> ids) {}

    private static String deadLetterTopic(String topic) {
        return topic.endsWith(ClinicTopics.DLT_SUFFIX) ? topic : ClinicTopics.deadLetterTopicOf(topic);
    }
}
