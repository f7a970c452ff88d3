package org.clinicops.platform.ops;

import java.util.List;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

/**
 * A read-only view of part of a service's own state, served by {@link OpsViewsEndpoint} on the
 * management port when {@code clinic.ops.views.enabled=true}. The owning service implements it in
 * its own adapter code, so that benchmarks and the crash test read through the service instead of
 * through its collection and field names.
 *
 * <p>Rows hold pseudonymous ids, codes, statuses, times and amounts only: never a patient's name,
 * contact details or notes.
 */
public interface OpsView {

    /** The most rows one read answers. */
    int MAX_LIMIT = 1000;

    /** The view's name in the path, lower case with hyphens, unique in the service. */
    String name();

    /**
     * Up to {@code limit} rows whose {@link Row#id()} sorts after {@code after} (from the first when
     * null), in id order, so that a reader pages through everything with the last id it saw.
     */
    List<? extends Row> rows(@Nullable String after, int limit);

    /** One row of a view, identified by a stable id. */
    interface Row {
        String id();
    }

    /** Pages of the view's rows after an id. */
    @FunctionalInterface
    interface Rows {
        List<? extends Row> after(@Nullable String after, int limit);
    }

    /** A view of this name whose rows come from {@code rows}. */
    static OpsView of(String name, Rows rows) {
        return new OpsView() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<? extends Row> rows(@Nullable String after, int limit) {
                return rows.after(after, limit);
            }
        };
    }

    /**
     * A view of one collection, a row per document read as {@code type} in {@code _id} order: the
     * view most services contribute.
     */
    static <T> OpsView ofCollection(
            String name, MongoTemplate mongo, Class<T> type, String collection, Function<T, ? extends Row> row) {
        return of(
                name,
                (after, limit) -> firstAfter(mongo, type, collection, after, limit).stream()
                        .map(row)
                        .toList());
    }

    /**
     * Up to {@code limit} documents of the collection whose {@code _id} sorts after {@code after}, in
     * {@code _id} order: the paging every view over one collection needs.
     */
    static <T> List<T> firstAfter(
            MongoTemplate mongo, Class<T> type, String collection, @Nullable String after, int limit) {
        Query query =
                after == null ? new Query() : Query.query(Criteria.where("_id").gt(after));
        return mongo.find(query.with(Sort.by("_id")).limit(limit), type, collection);
    }
}
