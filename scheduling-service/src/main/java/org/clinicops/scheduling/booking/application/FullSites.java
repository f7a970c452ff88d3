package org.clinicops.scheduling.booking.application;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.clinicops.scheduling.booking.domain.SiteResources;
import org.clinicops.scheduling.sites.application.SiteCapacityChanged;
import org.clinicops.scheduling.sites.application.SiteRepository;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.event.EventListener;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * This instance's memo of the days at each site on which a consultation search found no free
 * physician time for any patient, from the first day searched: the next consultation search there
 * starts on the day after them, and a request for a site full up to the horizon's end goes to the
 * waiting list without reading occupancy at all. A site that fills day by day thus costs each
 * booking the days that still have room, not every full day before them.
 *
 * <p>A memo is about one site with the physicians and calendar it was searched with, and stays
 * true as bookings are made (they only take time) and as the horizon moves (a new day entering it
 * is searched, being after the memo's days). It is forgotten when time may have been freed:
 * capacity freed ({@link CapacityFreed}: cancellations, reschedules, no-shows, withdrawals, holds, a
 * finished session), a site change ({@link SiteCapacityChanged}, and any change of the site's
 * physicians or calendar, compared on each use), orphan cells swept and a lost reservation race (its
 * cells were taken for a moment). It is also forgotten after {@code
 * clinic.scheduling.full-site-memo-ttl}, which bounds how long a slot freed at another instance of
 * the service (whose events this one does not see) keeps new requests waiting. The memo is only an
 * optimisation: waiting requests are retried without it, by the instance that freed the time and
 * periodically by every instance ({@link RetryWaitingList}), so no request depends on it being shared.
 *
 * <p>A search that read occupancy before a change and records its result after the change is not
 * remembered: each change counts, and a result is recorded only if nothing changed since its read.
 */
@Component
public class FullSites {

    /** The site had no free physician time for a consultation starting at or after {@code earliest} up to {@code fullThrough}. */
    private record Memo(SiteResources resources, LocalDate fullThrough, Instant earliest, Instant expiresAt) {}

    private final Map<String, Memo> memos = new HashMap<>();
    private final AtomicLong changes = new AtomicLong();
    private final @Nullable SiteRepository sites;
    private final Clock clock;
    private final Duration ttl;
    private final boolean enabled;

    @Autowired
    FullSites(SiteRepository sites, Clock clock, @Value("${clinic.scheduling.full-site-memo-ttl:30s}") Duration ttl) {
        this(sites, clock, ttl, !ttl.isZero() && !ttl.isNegative());
    }

    private FullSites(@Nullable SiteRepository sites, Clock clock, Duration ttl, boolean enabled) {
        this.sites = sites;
        this.clock = clock;
        this.ttl = ttl;
        this.enabled = enabled;
    }

    /** A memo that remembers nothing: every request searches. */
    static FullSites none(Clock clock) {
        return new FullSites(null, clock, Duration.ZERO, false);
    }

    /** A memo for tests, without a site repository (sites sharing a physician are not looked up). */
    static FullSites of(Clock clock, Duration ttl) {
        return new FullSites(null, clock, ttl, true);
    }

    /** The count of changes so far: read before the occupancy a search uses, passed to {@link #remember}. */
    long changes() {
        return changes.get();
    }

    /**
     * The last day up to which the site, with these resources, is known to have no free consultation
     * time for anyone from {@code earliest} on (from {@code earliest}'s day); null when nothing is known.
     */
    synchronized @Nullable LocalDate fullThrough(SiteResources resources, Instant earliest) {
        Memo memo = memos.get(resources.siteId());
        if (memo == null) {
            return null;
        }
        boolean holds = memo.resources().equals(resources)
                && !earliest.isBefore(memo.earliest())
                && clock.instant().isBefore(memo.expiresAt());
        if (!holds) {
            memos.remove(resources.siteId());
            return null;
        }
        return memo.fullThrough();
    }

    /**
     * Remembers that a search found no time at the site for anyone from {@code earliest} up to {@code
     * fullThrough}, unless anything was freed since {@code changesBefore} (read before the memo and the
     * search's occupancy). A memo reaching further is kept.
     */
    synchronized void remember(SiteResources resources, LocalDate fullThrough, Instant earliest, long changesBefore) {
        if (!enabled || changes.get() != changesBefore) {
            return;
        }
        Memo known = memos.get(resources.siteId());
        if (known != null
                && known.resources().equals(resources)
                && !known.fullThrough().isBefore(fullThrough)
                && !earliest.isBefore(known.earliest())) {
            return;
        }
        memos.put(
                resources.siteId(),
                new Memo(resources, fullThrough, earliest, clock.instant().plus(ttl)));
    }

    /** Forgets the site, and every site sharing a physician with it (a physician's time is one across sites). */
    void forget(String siteId) {
        Set<String> physicians = new HashSet<>();
        if (sites != null) {
            sites.findForReading(siteId)
                    .ifPresent(site ->
                            physicians.addAll(SlotSearch.resourcesOf(site).physicianIds()));
        }
        synchronized (this) {
            changes.incrementAndGet();
            Memo removed = memos.remove(siteId);
            if (removed != null) {
                physicians.addAll(removed.resources().physicianIds());
            }
            memos.values()
                    .removeIf(memo -> memo.resources().physicianIds().stream().anyMatch(physicians::contains));
        }
    }

    /** Forgets every site (orphan cells swept anywhere). */
    synchronized void forgetAll() {
        changes.incrementAndGet();
        memos.clear();
    }

    // first among the listeners of these events, so the waiting-list retry they start finds the memo gone
    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onCapacityFreed(CapacityFreed freed) {
        forget(freed.siteId());
    }

    @EventListener
    @Order(Ordered.HIGHEST_PRECEDENCE)
    void onSiteChanged(SiteCapacityChanged changed) {
        forget(changed.siteId());
    }
}
