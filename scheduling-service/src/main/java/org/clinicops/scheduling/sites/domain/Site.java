package org.clinicops.scheduling.sites.domain;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import org.clinicops.events.SiteUpdated;
import org.clinicops.events.SiteUpdated.ClinicianRole;
import org.clinicops.platform.outbox.AggregateRoot;
import org.clinicops.platform.problem.ConflictException;
import org.clinicops.platform.problem.NotFoundException;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.Version;
import org.springframework.data.mongodb.core.mapping.Document;

/** A clinic: its chairs, clinicians, opening hours, closures and time zone. Every change raises site-updated. */
@Document("sites")
public class Site extends AggregateRoot {

    @Id
    private String id;

    @Version
    private @Nullable Long version;

    private String name;
    private String timeZone;
    private String currency;
    private List<Chair> chairs = new ArrayList<>();
    private List<Clinician> clinicians = new ArrayList<>();
    private List<OpeningHours> openingHours = new ArrayList<>();
    private List<Closure> closures = new ArrayList<>();
    private Instant updatedAt;

    Site(String id, String name, String timeZone, String currency, Instant updatedAt) {
        this.id = id;
        this.name = name;
        this.timeZone = timeZone;
        this.currency = currency;
        this.updatedAt = updatedAt;
    }

    /** Monday to Friday, 08:00 to 18:00. */
    public static List<OpeningHours> defaultOpeningHours() {
        List<OpeningHours> hours = new ArrayList<>();
        for (DayOfWeek day : EnumSet.range(DayOfWeek.MONDAY, DayOfWeek.FRIDAY)) {
            hours.add(OpeningHours.of(day, LocalTime.of(8, 0), LocalTime.of(18, 0)));
        }
        return hours;
    }

    public static Site register(
            String id,
            String name,
            ZoneId timeZone,
            String currency,
            List<Chair> chairs,
            List<Clinician> clinicians,
            List<OpeningHours> openingHours,
            String eventId,
            Instant now) {
        Site site = new Site(id, name, timeZone.getId(), currency, now);
        site.chairs = new ArrayList<>(chairs);
        site.clinicians = new ArrayList<>(clinicians);
        site.openingHours = sorted(openingHours);
        site.changed(eventId, now);
        return site;
    }

    public void rename(String newName, String eventId, Instant now) {
        this.name = newName;
        changed(eventId, now);
    }

    public void changeOpeningHours(List<OpeningHours> hours, String eventId, Instant now) {
        this.openingHours = sorted(hours);
        changed(eventId, now);
    }

    public void changeClinicians(List<Clinician> newClinicians, String eventId, Instant now) {
        this.clinicians = new ArrayList<>(newClinicians);
        changed(eventId, now);
    }

    public void addChair(Chair chair, String eventId, Instant now) {
        if (chairs.stream().anyMatch(c -> c.id().equals(chair.id()))) {
            throw new ConflictException("CHAIR_EXISTS", "chair " + chair.id() + " already exists");
        }
        chairs.add(chair);
        changed(eventId, now);
    }

    /** Takes a chair out of service (no new bookings on it) or brings it back. */
    public void setChairInService(String chairId, boolean inService, String eventId, Instant now) {
        int index = indexOfChair(chairId);
        chairs.set(index, chairs.get(index).withInService(inService));
        changed(eventId, now);
    }

    public void addClosure(Closure closure, String eventId, Instant now) {
        closures.removeIf(c -> c.date().equals(closure.date()));
        closures.add(closure);
        closures.sort(Comparator.comparing(Closure::date));
        changed(eventId, now);
    }

    public void removeClosure(String date, String eventId, Instant now) {
        if (!closures.removeIf(c -> c.date().equals(date))) {
            throw new NotFoundException("closure", date);
        }
        changed(eventId, now);
    }

    private int indexOfChair(String chairId) {
        for (int i = 0; i < chairs.size(); i++) {
            if (chairs.get(i).id().equals(chairId)) {
                return i;
            }
        }
        throw new NotFoundException("chair", chairId);
    }

    private void changed(String eventId, Instant now) {
        this.updatedAt = now;
        raise(
                new SiteUpdated(
                        id,
                        name,
                        timeZone,
                        currency,
                        chairsInService().size(),
                        clinicians.stream()
                                .map(c -> new SiteUpdated.Clinician(c.id(), c.role()))
                                .toList(),
                        true,
                        now),
                eventId,
                now);
    }

    private static List<OpeningHours> sorted(List<OpeningHours> hours) {
        List<OpeningHours> copy = new ArrayList<>(hours);
        copy.sort(Comparator.comparing(OpeningHours::day).thenComparing(OpeningHours::opens));
        return copy;
    }

    public List<Chair> chairsInService() {
        return chairs.stream().filter(Chair::inService).toList();
    }

    public List<Clinician> cliniciansWith(ClinicianRole role) {
        return clinicians.stream().filter(c -> c.role() == role).toList();
    }

    /** The opening hours, closures and zone the slot policies work with. */
    public SiteCalendar calendar() {
        return new SiteCalendar(
                ZoneId.of(timeZone),
                openingHours,
                closures.stream().map(Closure::day).toList());
    }

    public String id() {
        return id;
    }

    public String name() {
        return name;
    }

    public ZoneId zone() {
        return ZoneId.of(timeZone);
    }

    public String currency() {
        return currency;
    }

    public List<Chair> chairs() {
        return List.copyOf(chairs);
    }

    public List<Clinician> clinicians() {
        return List.copyOf(clinicians);
    }

    public List<OpeningHours> openingHours() {
        return List.copyOf(openingHours);
    }

    public List<Closure> closures() {
        return List.copyOf(closures);
    }

    public Instant updatedAt() {
        return updatedAt;
    }
}
