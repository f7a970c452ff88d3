package org.clinicops.intake.patients.domain;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import org.clinicops.events.PayerType;
import org.jspecify.annotations.Nullable;

/**
 * A patient's identity and contact details. They stay in intake's database, encrypted field by
 * field: other services know the patient only by the pseudonymous {@link #id()}.
 */
public class Patient {

    private String id;
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
        patient.registeredAt = now;
        return patient;
    }

    /** A patient as stored before, for the adapter that reads them back. */
    public static Patient restore(
            String id,
            String firstName,
            String lastName,
            LocalDate dateOfBirth,
            String email,
            String phone,
            String homeSiteId,
            PayerType payerType,
            @Nullable Integer householdSize,
            java.math.@Nullable BigDecimal householdIncome,
            Instant registeredAt) {
        Patient patient = new Patient();
        patient.id = id;
        patient.firstName = firstName;
        patient.lastName = lastName;
        patient.dateOfBirth = dateOfBirth;
        patient.email = email;
        patient.phone = phone;
        patient.homeSiteId = homeSiteId;
        patient.payerType = payerType;
        patient.householdSize = householdSize;
        patient.householdIncome = householdIncome;
        patient.registeredAt = registeredAt;
        return patient;
    }

    /**
     * Records household size and yearly income, asked when the patient applies for financial
     * assistance (billing's sliding scale uses them against the poverty guideline).
     */
    public void recordHousehold(int size, BigDecimal yearlyIncome) {
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

    /** Who this person is for finding them again: see {@link PatientMatchKey}. */
    public String canonicalIdentity() {
        return PatientMatchKey.canonical(firstName, lastName, dateOfBirth, email);
    }

    public Instant registeredAt() {
        return registeredAt;
    }

    public String homeSiteId() {
        return homeSiteId;
    }

    public PayerType payerType() {
        return payerType;
    }
}
