package org.clinicops.billing.sites.domain;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;

/** A site as billing knows it: name, time zone, currency and fee schedule. */
public class BillingSite {

    @Id
    private String id;

    private String name;
    private String timeZone;
    private String currency;
    private boolean active;
    private List<FeeItem> feeSchedule = new ArrayList<>();
    private Instant updatedAt;

    /** The {@code updatedAt} of the site-updated this copy was last described by; null before one. */
    private @Nullable Instant describedAsOf;

    BillingSite() {}

    public static BillingSite open(
            String id, String name, String timeZone, String currency, List<FeeItem> schedule, Instant now) {
        BillingSite site = new BillingSite();
        site.id = id;
        site.name = name;
        site.timeZone = timeZone;
        site.currency = currency;
        site.active = true;
        site.feeSchedule = new ArrayList<>(schedule);
        site.updatedAt = now;
        return site;
    }

    /** Describes the site as a site-updated of {@code asOf} does. */
    public void describe(String name, String timeZone, String currency, boolean active, Instant asOf, Instant now) {
        this.name = name;
        this.timeZone = timeZone;
        this.currency = currency;
        this.active = active;
        this.describedAsOf = asOf;
        this.updatedAt = now;
    }

    /** The {@code updatedAt} of the site-updated that last described this site, if any. */
    public @Nullable Instant describedAsOf() {
        return describedAsOf;
    }

    public void replaceSchedule(List<FeeItem> items, Instant now) {
        this.feeSchedule = new ArrayList<>(items);
        this.updatedAt = now;
    }

    /** The price of a code on a day, if the schedule prices it. */
    public Optional<FeeItem> price(String code, LocalDate day) {
        return feeSchedule.stream()
                .filter(i -> i.code().equals(code) && i.effectiveOn(day))
                .findFirst();
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public String timeZone() {
        return timeZone;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String currency() {
        return currency;
    }

    public boolean active() {
        return active;
    }

    public List<FeeItem> feeSchedule() {
        return List.copyOf(feeSchedule);
    }
}
