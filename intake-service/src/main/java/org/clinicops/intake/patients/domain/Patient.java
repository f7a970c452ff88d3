package org.clinicops.intake.patients.domain;

import java.time.Instant;
import java.time.LocalDate;
import org.clinicops.events.PayerType;
import org.jspecify.annotations.Nullable;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A patient's identity and contact details. They stay in intake's database: other services know
 * the patient only by the pseudonymous {@link #id()}.
 */
@Document("patients")
public class Patient {

    @Id
    private String id;

    @Indexed(unique = true)
    private String matchKey;

    private String firstName;
    private String lastName;
    private LocalDate dateOfBirth;
    private String email;
    private String phone;
    private String homeSiteId;
    private PayerType payerType;
    private @Nullable Integer householdSize;
    private java.math.@Nullable BigDecimal householdIncome;
    private Instant registeredAt;

    Patient() {
        this.id = "";
        this.matchKey = "";
        this.firstName = "";
        this.lastName = "";
        this.dateOfBirth = LocalDate.EPOCH;
        this.email = "";
        this.phone = "";
        this.homeSiteId = "";
        this.payerType = PayerType.SELF_PAY;
        this.registeredAt = Instant.EPOCH;
    }

    public static Patient register(
            String id,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String email,
            String phone,
            String homeSiteId,
            PayerType payerType,
            Instant now) {
        Patient patient = new Patient();
        patient.id = id;
        patient.firstName = firstName.strip();
        patient.lastName = lastName.strip();
        patient.dateOfBirth = dateOfBirth;
        patient.email = email.strip();
        patient.phone = phone.strip();
        patient.homeSiteId = homeSiteId;
        patient.payerType = payerType;
        patient.matchKey = PatientMatchKey.of(firstName, lastName, dateOfBirth, email);
        patient.registeredAt = now;
        return patient;
    }

    /**
     * Records household size and yearly income, asked when the patient applies for financial
     * assistance (billing's sliding scale uses them against the poverty guideline).
     */
    public void recordHousehold(int size, java.math.BigDecimal yearlyIncome) {
        if (size < 1 || size > 20) {
            throw new IllegalArgumentException("householdSize must be between 1 and 20");
        }
        if (yearlyIncome.signum() < 0) {
            throw new IllegalArgumentException("householdIncome must not be negative");
        }
        this.householdSize = size;
        this.householdIncome = yearlyIncome;
    }

    public String id() {
        return id;
    }

    public String firstName() {
        return firstName;
    }

    public String lastName() {
        return lastName;
    }

    public LocalDate dateOfBirth() {
        return dateOfBirth;
    }

    public String email() {
        return email;
    }

    public String phone() {
        return phone;
    }

    public @Nullable Integer householdSize() {
        return householdSize;
    }

    public java.math.@Nullable BigDecimal householdIncome() {
        return householdIncome;
    }

    public String matchKey() {
        return matchKey;
    }

    public String homeSiteId() {
        return homeSiteId;
    }

    public PayerType payerType() {
        return payerType;
    }
}
