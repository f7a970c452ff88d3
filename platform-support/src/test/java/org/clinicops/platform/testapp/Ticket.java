package org.clinicops.platform.testapp;

import java.time.Instant;
import org.clinicops.events.Condition;
import org.clinicops.events.ConsultationRequested;
import org.clinicops.events.PayerType;
import org.clinicops.events.ReferralSource;
import org.clinicops.platform.outbox.AggregateRoot;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** A test aggregate whose creation raises consultation-requested. */
@Document("tickets")
public class Ticket extends AggregateRoot {

    @Id
    private String id;

    private String patientId;

    Ticket() {}

    static Ticket open(String id, String patientId, String eventId, Instant now) {
        Ticket ticket = new Ticket();
        ticket.id = id;
        ticket.patientId = patientId;
        ticket.raise(
                new ConsultationRequested(
                        id,
                        patientId,
                        "bos",
                        Condition.TREATMENT_RESISTANT_DEPRESSION,
                        ReferralSource.SELF,
                        PayerType.SELF_PAY,
                        false,
                        now),
                eventId,
                now);
        return ticket;
    }

    public String id() {
        return id;
    }
}
