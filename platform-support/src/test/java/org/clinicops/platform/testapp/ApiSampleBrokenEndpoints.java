package org.clinicops.platform.testapp;

import io.swagger.v3.oas.annotations.Hidden;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.clinicops.platform.problem.InvalidRequestException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Deliberately broken endpoints, left out of the document, that {@code ApiFuzzTest} must catch: the
 * mistakes issue 17 found (an enum parsed with {@code valueOf}, a write before the check, a refusal
 * that is not a problem detail).
 */
@Hidden
@RestController
class ApiSampleBrokenEndpoints {

    static final String COLLECTION = "api_broken_notes";

    enum Status {
        OPEN,
        PAID
    }

    private final MongoTemplate mongo;

    ApiSampleBrokenEndpoints(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** A page parameter parsed with valueOf: anything but OPEN or PAID is a 500. */
    @GetMapping("/api/broken/invoices")
    List<String> invoices(@RequestParam(required = false) String status) {
        return status == null ? List.of() : List.of(Status.valueOf(status).name());
    }

    /** Stores the note, then checks it: a refused note is written anyway. */
    @PostMapping("/api/broken/notes")
    Map<String, Object> note(@RequestBody Map<String, Object> note) {
        mongo.insert(new Document("fields", note.size()), COLLECTION);
        if (!(note.get("text") instanceof String text) || text.length() > 10) {
            throw new InvalidRequestException("text", "must be a string of at most 10 characters");
        }
        return Map.of("stored", true);
    }

    /** A 404 as plain text instead of a problem detail. */
    @GetMapping("/api/broken/plain/{id}")
    ResponseEntity<String> plain(@PathVariable String id) {
        return ResponseEntity.status(404).contentType(MediaType.TEXT_PLAIN).body("no such thing");
    }
}
