package org.clinicops.monitoring.vitals.adapter.fhir;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.clinicops.monitoring.vitals.application.VitalsReadings.ChartedReading;
import org.clinicops.monitoring.vitals.domain.VitalsReading;
import org.clinicops.platform.fhir.FhirParams;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.Quantity;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * A charted reading as four vital-sign {@code Observation}s shaped as R4's vital-signs profiles
 * (category {@code vital-signs}, LOINC codes, UCUM units): blood pressure (85354-9, with systolic
 * 8480-6 and diastolic 8462-4 components), heart rate (8867-4), SpO2 (59408-5 and 2708-6) and
 * respiratory rate (9279-1). Each one's logical id is the reading's id and the sign ({@code
 * vit.x-bp}); a reading charted before readings had ids is named by its session and the time taken
 * ({@code ses.x-t1700000000000-bp}).
 */
final class VitalSignResources {

    static final String LOINC = "http://loinc.org";
    static final String UCUM = "http://unitsofmeasure.org";
    static final String CATEGORIES = "http://terminology.hl7.org/CodeSystem/observation-category";

    private static final Pattern WITHOUT_ID = Pattern.compile("(.+)-t(\\d{1,19})");

    /** The signs a reading gives, in the order a search lists them. */
    enum Sign {
        BLOOD_PRESSURE("bp", "bp", "85354-9", "Blood pressure panel with all children optional", "Blood pressure"),
        HEART_RATE("hr", "heartrate", "8867-4", "Heart rate", "Heart rate"),
        OXYGEN_SATURATION(
                "spo2",
                "oxygensat",
                "59408-5",
                "Oxygen saturation in Arterial blood by Pulse oximetry",
                "Oxygen saturation (SpO2)"),
        RESPIRATORY_RATE("rr", "resprate", "9279-1", "Respiratory rate", "Respiratory rate");

        final String suffix;
        final String profile;
        final String code;
        final String display;
        final String text;

        Sign(String suffix, String profile, String code, String display, String text) {
            this.suffix = suffix;
            this.profile = profile;
            this.code = code;
            this.display = display;
            this.text = text;
        }

        /** The sign an Observation id ends with. */
        static Optional<Sign> ofSuffix(String suffix) {
            return Arrays.stream(values()).filter(s -> s.suffix.equals(suffix)).findFirst();
        }

        /** Whether a {@code code} search names it (a LOINC code, with or without its system). */
        boolean matches(String code) {
            return this.code.equals(code) || (this == OXYGEN_SATURATION && code.equals("2708-6"));
        }
    }

    /** Where an Observation's id points: a reading with an id, or one without, by session and time. */
    record ReadingKey(
            @Nullable String readingId,
            @Nullable String sessionId,
            @Nullable Instant takenAt,
            Sign sign) {}

    private VitalSignResources() {}

    /** The reading and sign behind an Observation id, or empty when it cannot be one of ours. */
    static Optional<ReadingKey> key(String fhirId) {
        String internal = FhirParams.id(fhirId, "id");
        int dash = internal.lastIndexOf('-');
        if (dash < 1) {
            return Optional.empty();
        }
        Optional<Sign> sign = Sign.ofSuffix(internal.substring(dash + 1).toLowerCase(Locale.ROOT));
        if (sign.isEmpty()) {
            return Optional.empty();
        }
        String reading = internal.substring(0, dash);
        Matcher legacy = WITHOUT_ID.matcher(reading);
        if (reading.startsWith("vit_") || !legacy.matches()) {
            return Optional.of(new ReadingKey(reading, null, null, sign.get()));
        }
        return Optional.of(new ReadingKey(
                null, legacy.group(1), Instant.ofEpochMilli(Long.parseLong(legacy.group(2))), sign.get()));
    }

    static String id(ChartedReading charted, Sign sign) {
        VitalsReading reading = charted.reading();
        String readingId = reading.readingId();
        String key = readingId != null
                ? FhirParams.fhirId(readingId)
                : FhirParams.fhirId(charted.sessionId()) + "-t"
                        + reading.takenAt().toEpochMilli();
        return key + "-" + sign.suffix;
    }

    static List<Observation> observations(ChartedReading charted, List<Sign> signs) {
        return signs.stream().map(sign -> observation(charted, sign)).toList();
    }

    static Observation observation(ChartedReading charted, Sign sign) {
        VitalsReading reading = charted.reading();
        Observation observation = new Observation();
        observation.setId(id(charted, sign));
        observation.getMeta().setLastUpdated(Date.from(reading.recordedAt()));
        observation.getMeta().addProfile("http://hl7.org/fhir/StructureDefinition/" + sign.profile);
        observation.setStatus(Observation.ObservationStatus.FINAL);
        observation
                .addCategory()
                .setText("Vital Signs")
                .addCoding()
                .setSystem(CATEGORIES)
                .setCode("vital-signs")
                .setDisplay("Vital Signs");
        CodeableConcept code = observation.getCode();
        code.addCoding().setSystem(LOINC).setCode(sign.code).setDisplay(sign.display);
        if (sign == Sign.OXYGEN_SATURATION) {
            // R4's oxygensat profile asks for 2708-6 beside the pulse-oximetry code
            code.addCoding().setSystem(LOINC).setCode("2708-6").setDisplay("Oxygen saturation in Arterial blood");
        }
        code.setText(sign.text);
        observation.setSubject(new Reference("Patient/" + FhirParams.fhirId(charted.patientId())));
        observation.setEffective(new DateTimeType(Date.from(reading.takenAt())));
        observation.setIssued(Date.from(reading.recordedAt()));
        switch (sign) {
            case BLOOD_PRESSURE -> {
                observation
                        .addComponent()
                        .setCode(loinc("8480-6", "Systolic blood pressure"))
                        .setValue(quantity(reading.systolic(), "mmHg", "mm[Hg]"));
                observation
                        .addComponent()
                        .setCode(loinc("8462-4", "Diastolic blood pressure"))
                        .setValue(quantity(reading.diastolic(), "mmHg", "mm[Hg]"));
            }
            case HEART_RATE -> observation.setValue(quantity(reading.heartRate(), "beats/minute", "/min"));
            case OXYGEN_SATURATION -> observation.setValue(quantity(reading.spo2(), "%", "%"));
            case RESPIRATORY_RATE ->
                observation.setValue(quantity(reading.respiratoryRate(), "breaths/minute", "/min"));
        }
        return observation;
    }

    private static CodeableConcept loinc(String code, String display) {
        CodeableConcept concept = new CodeableConcept().setText(display);
        concept.addCoding().setSystem(LOINC).setCode(code).setDisplay(display);
        return concept;
    }

    private static Quantity quantity(int value, String unit, String ucum) {
        return new Quantity()
                .setValue(BigDecimal.valueOf(value))
                .setUnit(unit)
                .setSystem(UCUM)
                .setCode(ucum);
    }
}
