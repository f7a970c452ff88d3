package org.clinicops.monitoring.adverse.adapter.fhir;

import java.util.Date;
import java.util.Locale;
import org.clinicops.monitoring.adverse.domain.AdverseEvent;
import org.clinicops.monitoring.adverse.domain.HoldRecord;
import org.clinicops.platform.fhir.FhirParams;
import org.hl7.fhir.r4.model.CodeableConcept;
import org.hl7.fhir.r4.model.Flag;
import org.hl7.fhir.r4.model.Reference;

/**
 * Monitoring's safety records as FHIR R4: an adverse event as an {@code AdverseEvent}, a clinical
 * hold as a {@code Flag}. Codes only: the release's reason (free text) and who released a hold never
 * leave the service.
 */
final class SafetyResources {

    static final String CATEGORIES = "https://clinicops.org/fhir/CodeSystem/adverse-event-category";
    static final String CTCAE_GRADES = "https://clinicops.org/fhir/CodeSystem/ctcae-grade";
    static final String HOLD_REASONS = "https://clinicops.org/fhir/CodeSystem/clinical-hold-reason";
    static final String SEVERITY = "http://terminology.hl7.org/CodeSystem/adverse-event-severity";
    static final String SERIOUSNESS = "http://terminology.hl7.org/CodeSystem/adverse-event-seriousness";
    static final String OUTCOME = "http://terminology.hl7.org/CodeSystem/adverse-event-outcome";
    static final String FLAG_CATEGORY = "http://terminology.hl7.org/CodeSystem/flag-category";

    private static final String[] GRADE_NAMES = {"mild", "moderate", "severe", "life-threatening", "death"};

    private SafetyResources() {}

    static Reference patient(String patientId) {
        return new Reference("Patient/" + FhirParams.fhirId(patientId));
    }

    static org.hl7.fhir.r4.model.AdverseEvent adverseEvent(AdverseEvent event) {
        var resource = new org.hl7.fhir.r4.model.AdverseEvent();
        resource.setId(FhirParams.fhirId(event.id()));
        resource.getMeta().setLastUpdated(Date.from(event.reportedAt()));
        resource.setActuality(org.hl7.fhir.r4.model.AdverseEvent.AdverseEventActuality.ACTUAL);
        String category = label(event.category().name());
        // R4's category value set (product problems, wrong dose...) has no code for a side effect; the
        // binding is extensible, so the platform's own category code is used
        resource.addCategory()
                .setText(category)
                .addCoding()
                .setSystem(CATEGORIES)
                .setCode(event.category().name())
                .setDisplay(category);
        resource.getEvent().setText(category);
        resource.setSubject(patient(event.patientId()));
        resource.setDate(Date.from(event.onsetAt()));
        resource.setRecordedDate(Date.from(event.reportedAt()));
        resource.setSeverity(severity(event.grade()));
        String serious = event.serious() ? "serious" : "non-serious";
        resource.getSeriousness()
                .setText(event.serious() ? "Serious" : "Non-serious")
                .addCoding()
                .setSystem(SERIOUSNESS)
                .setCode(serious)
                .setDisplay(event.serious() ? "Serious" : "Non-serious");
        String[] outcome = outcome(event);
        resource.getOutcome()
                .setText(outcome[1])
                .addCoding()
                .setSystem(OUTCOME)
                .setCode(outcome[0])
                .setDisplay(outcome[1]);
        return resource;
    }

    /**
     * The CTCAE grade as the severity. R4 binds {@code severity} (required) to mild | moderate |
     * severe, which cannot tell grade 3 from 4 or 5; so the concept carries that code (1 mild, 2
     * moderate, 3 to 5 severe) and, as a second coding of the same concept, the grade itself in the
     * platform's code system: no extension is needed and a reader that knows only R4's codes still
     * finds one. NCI Thesaurus codes for the grades are not asserted without a terminology server to
     * check them against.
     */
    static CodeableConcept severity(int grade) {
        String severity = grade <= 1 ? "mild" : grade == 2 ? "moderate" : "severe";
        CodeableConcept concept = new CodeableConcept()
                .setText("CTCAE grade " + grade + " (" + GRADE_NAMES[Math.max(0, Math.min(4, grade - 1))] + ")");
        concept.addCoding()
                .setSystem(SEVERITY)
                .setCode(severity)
                .setDisplay(severity.substring(0, 1).toUpperCase(Locale.ROOT) + severity.substring(1));
        concept.addCoding()
                .setSystem(CTCAE_GRADES)
                .setCode(Integer.toString(grade))
                .setDisplay(concept.getText());
        return concept;
    }

    /** R4's outcome code (required binding) and its display for the recorded outcome. */
    private static String[] outcome(AdverseEvent event) {
        return switch (event.outcome()) {
            case RESOLVED -> new String[] {"resolved", "Resolved"};
            case RESOLVING -> new String[] {"recovering", "Recovering"};
            case NOT_RESOLVED -> new String[] {"ongoing", "Ongoing"};
            case RESOLVED_WITH_SEQUELAE -> new String[] {"resolvedWithSequelae", "Resolved with Sequelae"};
            case FATAL -> new String[] {"fatal", "Fatal"};
            case UNKNOWN -> new String[] {"unknown", "Unknown"};
        };
    }

    /**
     * A hold as a clinical {@code Flag}: active until released, its period from placing to release,
     * coded with the reason it was placed (a serious adverse event); nothing of the release's reason.
     */
    static Flag flag(HoldRecord hold) {
        Flag flag = new Flag();
        flag.setId(FhirParams.fhirId(hold.holdId()));
        flag.getMeta().setLastUpdated(Date.from(hold.lastChanged()));
        flag.setStatus(hold.active() ? Flag.FlagStatus.ACTIVE : Flag.FlagStatus.INACTIVE);
        flag.addCategory()
                .setText("Clinical")
                .addCoding()
                .setSystem(FLAG_CATEGORY)
                .setCode("clinical")
                .setDisplay("Clinical");
        flag.getCode()
                .setText("Clinical hold")
                .addCoding()
                .setSystem(HOLD_REASONS)
                .setCode("serious-adverse-event")
                .setDisplay("Serious adverse event (CTCAE grade 3 or above)");
        flag.setSubject(patient(hold.patientId()));
        flag.getPeriod().setStart(Date.from(hold.placedAt()));
        if (hold.releasedAt() != null) {
            flag.getPeriod().setEnd(Date.from(hold.releasedAt()));
        }
        return flag;
    }

    /** {@code NAUSEA_VOMITING} as {@code Nausea vomiting}. */
    static String label(String code) {
        String words = code.replace('_', ' ').toLowerCase(Locale.ROOT);
        return Character.toUpperCase(words.charAt(0)) + words.substring(1);
    }
}
