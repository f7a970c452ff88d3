package org.clinicops.platform.ops;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.actuate.endpoint.annotation.Endpoint;
import org.springframework.boot.actuate.endpoint.annotation.ReadOperation;
import org.springframework.boot.actuate.endpoint.annotation.Selector;

/**
 * {@code /actuator/opsviews}: the names of the service's {@link OpsView}s, and {@code
 * /actuator/opsviews/{view}?after=&limit=} one page of a view (an unknown view is 404). On the
 * management port only, for ADMIN, and only when {@code clinic.ops.views.enabled=true}.
 */
@Endpoint(id = OpsViewsEndpoint.ID)
public class OpsViewsEndpoint {

    public static final String ID = "opsviews";
    static final int DEFAULT_LIMIT = 500;

    private final Map<String, OpsView> views = new TreeMap<>();

    public OpsViewsEndpoint(List<OpsView> views) {
        for (OpsView view : views) {
            if (this.views.put(view.name(), view) != null) {
                throw new IllegalStateException("two ops views named " + view.name());
            }
        }
    }

    /** The views this service offers. */
    public record Views(List<String> views) {}

    /**
     * One page of a view.
     *
     * @param next the {@code after} of the next page, null on the last
     */
    public record ViewPage(
            String view,
            List<? extends OpsView.Row> rows,
            @Nullable String next) {}

    @ReadOperation
    public Views views() {
        return new Views(List.copyOf(views.keySet()));
    }

    @ReadOperation
    public @Nullable ViewPage view(@Selector String view, @Nullable String after, @Nullable Integer limit) {
        OpsView found = views.get(view);
        if (found == null) {
            return null;
        }
        int size = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, OpsView.MAX_LIMIT));
        List<? extends OpsView.Row> rows = found.rows(after == null || after.isEmpty() ? null : after, size);
        String next = rows.size() < size ? null : rows.get(rows.size() - 1).id();
        return new ViewPage(view, rows, next);
    }
}
