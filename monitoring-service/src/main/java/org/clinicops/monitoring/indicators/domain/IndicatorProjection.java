package org.clinicops.monitoring.indicators.domain;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.clinicops.monitoring.indicators.domain.ClinicFacts.SiteZone;

/**
 * The indicator projection: clinic events folded into {@link ClinicFacts} ({@link #apply}, by {@link
 * EventFold}), and the indicators of every site derived from them ({@link #snapshot}), one
 * calculator per family. The figures depend only on the set of events folded, never on their order
 * or on redeliveries, so a replay from the topics gives the same figures.
 *
 * <p>Not thread-safe: its owner serialises access.
 */
public final class IndicatorProjection {

    /** Rules a vitals alert can name; each has a series even before it fires. */
    public static final List<String> VITALS_RULES = SafetyCalculator.VITALS_RULES;

    private final ClinicFacts facts;
    private final EventFold fold;
    private final ThroughputCalculator throughput = new ThroughputCalculator();
    private final BacklogCalculator backlog = new BacklogCalculator();
    private final AccessCalculator access;
    private final AffordabilityCalculator affordability = new AffordabilityCalculator();
    private final SafetyCalculator safety = new SafetyCalculator();
    private final OutcomeCalculator outcomes = new OutcomeCalculator();

    public IndicatorProjection(IndicatorPolicy policy) {
        this(policy, new ClinicFacts());
    }

    private IndicatorProjection(IndicatorPolicy policy, ClinicFacts facts) {
        this.facts = facts;
        this.fold = new EventFold(facts);
        this.access = new AccessCalculator(policy);
    }

    /** A projection holding the state a stored document holds. */
    public static IndicatorProjection restore(ClinicFacts.Document document, IndicatorPolicy policy) {
        return new IndicatorProjection(policy, new ClinicFacts(document));
    }

    /** The state to store (views of the live state: store it before folding anything else). */
    public ClinicFacts.Document document() {
        return facts.document();
    }

    /** How many distinct events ({@code ce_id}s) were folded. */
    public long facts() {
        return facts.eventIds.size();
    }

    /** Folds one event; answers whether it was new (a redelivery changes nothing). */
    public boolean apply(RecordedEvent fact) {
        return fold.apply(fact);
    }

    /** The indicators of every site at {@code now}. */
    public Indicators snapshot(Instant now) {
        long at = Times.nanos(now);
        Lookups lookups = new Lookups(facts);
        Map<String, SiteIndicators> result = new TreeMap<>();
        SiteFacts.bySite(facts).forEach((siteId, site) -> {
            Map<String, CompletedCourses.Course> courses = CompletedCourses.of(site, facts);
            result.put(
                    siteId,
                    new SiteIndicators(
                            siteId,
                            throughput.throughput(site),
                            backlog.backlog(site, facts, lookups),
                            access.access(site, facts, lookups, at),
                            affordability.affordability(site, facts, courses, at),
                            safety.safety(site, at),
                            outcomes.outcomes(facts, lookups, courses, at)));
        });
        return new Indicators(now, Map.copyOf(result));
    }

    /** The time zone of a site as its latest site-updated says (UTC while unknown or invalid). */
    public ZoneId zoneOf(String siteId) {
        SiteZone zone = facts.zones.get(siteId);
        if (zone == null) {
            return ZoneOffset.UTC;
        }
        try {
            return ZoneId.of(zone.timeZone());
        } catch (DateTimeException unknown) {
            return ZoneOffset.UTC;
        }
    }

    /** Every site's time zone (a copy). */
    public Map<String, ZoneId> zones() {
        Map<String, ZoneId> copy = new HashMap<>();
        facts.zones.keySet().forEach(site -> copy.put(site, zoneOf(site)));
        return copy;
    }
}
