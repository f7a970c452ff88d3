package org.clinicops.scheduling.booking.adapter.fhir;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Predicate;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.scheduling.booking.application.FindAppointments;
import org.clinicops.scheduling.booking.domain.Appointment;
import org.hl7.fhir.r4.model.Resource;

/**
 * One type made of appointments in the bulk export ({@code Appointment}, {@code Encounter}, {@code
 * MedicationAdministration}): the appointments of the scope's sites changed in its time range, read
 * {@value #PAGE} at a time by id, each that is a resource of the type written as it is read.
 */
final class AppointmentExportSource implements FhirExportSource {

    static final int PAGE = 200;

    private final FindAppointments find;
    private final String type;
    private final Predicate<Appointment> isOfType;
    private final Function<Appointment, ? extends Resource> toFhir;

    AppointmentExportSource(
            FindAppointments find,
            String type,
            Predicate<Appointment> isOfType,
            Function<Appointment, ? extends Resource> toFhir) {
        this.find = find;
        this.type = type;
        this.isOfType = isOfType;
        this.toFhir = toFhir;
    }

    @Override
    public String type() {
        return type;
    }

    @Override
    public void export(FhirExportScope scope, Consumer<Resource> out) {
        String after = null;
        while (true) {
            List<Appointment> page =
                    find.changed(scope.sitesOrNull(), scope.since(), scope.transactionTime(), after, PAGE);
            for (Appointment appointment : page) {
                // the store filtered by site already; checked again so no other site's resource is ever written
                if (scope.covers(appointment.siteId())
                        && scope.changedInRange(appointment.updatedAt())
                        && isOfType.test(appointment)) {
                    out.accept(toFhir.apply(appointment));
                }
            }
            if (page.size() < PAGE) {
                return;
            }
            after = page.get(page.size() - 1).id();
        }
    }
}
