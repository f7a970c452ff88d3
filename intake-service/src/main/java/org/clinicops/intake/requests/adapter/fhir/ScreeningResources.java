package org.clinicops.intake.requests.adapter.fhir;

import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Objects;
import org.clinicops.intake.plans.domain.TreatmentPlan;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.requests.domain.Decision;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.clinicops.intake.screening.domain.ScreeningResult;
import org.clinicops.platform.fhir.FhirParams;
import org.hl7.fhir.r4.model.CarePlan;
import org.hl7.fhir.r4.model.DateTimeType;
import org.hl7.fhir.r4.model.IntegerType;
import org.hl7.fhir.r4.model.Observation;
import org.hl7.fhir.r4.model.QuestionnaireResponse;
import org.hl7.fhir.r4.model.Reference;
import org.jspecify.annotations.Nullable;

/**
 * A request's screening and plan as FHIR resources. Their logical ids come from the request's: the
 * {@code QuestionnaireResponse} and {@code CarePlan} carry the request's id, an {@code Observation}
 * the request's id and the scale ({@code req.x-phq9}); the plan's own id is the CarePlan's identifier.
 */
final class ScreeningResources {

    static final String LOINC = "http://loinc.org";
    /** Codes of ClinicOps' own where LOINC is not asserted (the PCL-5 total). */
    static final String CLINICOPS_CODES = "https://clinicops.org/fhir/CodeSystem/screening-score";

    static final String PLAN_IDS = "https://clinicops.org/fhir/identifier/treatment-plan";

    /** One scale whose total becomes an Observation. */
    enum Scale {
        PHQ9("phq9", LOINC, "44261-6", "Patient Health Questionnaire 9 item (PHQ-9) total score [Reported]"),
        GAD7("gad7", LOINC, "70274-6", "Generalized anxiety disorder 7 item (GAD-7) total score [Reported.PHQ]"),
        PCL5("pcl5", CLINICOPS_CODES, "pcl5-total", "PTSD Checklist for DSM-5 (PCL-5) total score");

        final String suffix;
        final String system;
        final String code;
        final String display;

        Scale(String suffix, String system, String code, String display) {
            this.suffix = suffix;
            this.system = system;
            this.code = code;
            this.display = display;
        }

        @Nullable
        Integer total(ScreeningResult result) {
            return switch (this) {
                case PHQ9 -> result.phq9().total();
                case GAD7 -> result.gad7() == null ? null : result.gad7().total();
                case PCL5 -> result.pcl5() == null ? null : result.pcl5().total();
            };
        }
    }

    private ScreeningResources() {}

    static Reference patient(ConsultationRequest request) {
        return new Reference("Patient/" + FhirParams.fhirId(request.patientId()));
    }

    static QuestionnaireResponse questionnaireResponse(ConsultationRequest request) {
        ScreeningResult result = Objects.requireNonNull(request.screening());
        QuestionnaireResponse response = new QuestionnaireResponse();
        response.setId(FhirParams.fhirId(request.id()));
        response.setStatus(QuestionnaireResponse.QuestionnaireResponseStatus.COMPLETED);
        response.setSubject(patient(request));
        response.setAuthored(Date.from(Objects.requireNonNull(request.screenedAt())));
        for (Scale scale : Scale.values()) {
            Integer total = scale.total(result);
            if (total != null) {
                response.addItem()
                        .setLinkId(scale.suffix + "-total")
                        .setText(scale.display)
                        .addAnswer()
                        .setValue(new IntegerType(total));
            }
        }
        return response;
    }

    static List<Observation> observations(ConsultationRequest request) {
        ScreeningResult result = Objects.requireNonNull(request.screening());
        List<Observation> observations = new ArrayList<>();
        for (Scale scale : Scale.values()) {
            Integer total = scale.total(result);
            if (total == null) {
                continue;
            }
            Observation observation = new Observation();
            observation.setId(FhirParams.fhirId(request.id()) + "-" + scale.suffix);
            observation.setStatus(Observation.ObservationStatus.FINAL);
            observation
                    .addCategory()
                    .addCoding()
                    .setSystem("http://terminology.hl7.org/CodeSystem/observation-category")
                    .setCode("survey")
                    .setDisplay("Survey");
            observation
                    .getCode()
                    .addCoding()
                    .setSystem(scale.system)
                    .setCode(scale.code)
                    .setDisplay(scale.display);
            observation.getCode().setText(scale.display);
            observation.setSubject(patient(request));
            observation.setEffective(new DateTimeType(Date.from(Objects.requireNonNull(request.screenedAt()))));
            observation.setValue(new IntegerType(total));
            observation.addDerivedFrom(new Reference("QuestionnaireResponse/" + FhirParams.fhirId(request.id())));
            observations.add(observation);
        }
        return observations;
    }

    /** Whether the request has an approved plan to show. */
    static boolean hasPlan(ConsultationRequest request) {
        Decision decision = request.decision();
        return decision != null && decision.plan() != null;
    }

    static CarePlan carePlan(ConsultationRequest request) {
        Decision decision = Objects.requireNonNull(request.decision());
        TreatmentPlan plan = Objects.requireNonNull(decision.plan());
        CarePlan carePlan = new CarePlan();
        carePlan.setId(FhirParams.fhirId(request.id()));
        carePlan.addIdentifier().setSystem(PLAN_IDS).setValue(plan.planId());
        carePlan.setStatus(status(request));
        carePlan.setIntent(CarePlan.CarePlanIntent.PLAN);
        carePlan.setTitle("Ketamine treatment plan");
        carePlan.setDescription(plan.protocol() + ": " + plan.sessions() + " sessions, " + plan.doseMg() + " mg "
                + plan.route() + " over " + plan.infusionMinutes() + " min, then " + plan.observationMinutes()
                + " min observation");
        carePlan.setSubject(patient(request));
        carePlan.setCreated(Date.from(decision.decidedAt()));
        carePlan.getPeriod().setStart(Date.from(decision.decidedAt()));
        carePlan.addActivity()
                .getDetail()
                .setStatus(CarePlan.CarePlanActivityStatus.NOTSTARTED)
                .setDescription(plan.sessions() + " infusion sessions, " + plan.minSpacingDays() + " to "
                        + plan.maxSpacingDays() + " days apart");
        return carePlan;
    }

    /** An accepted plan is active; one whose request was withdrawn afterwards is revoked. */
    static CarePlan.CarePlanStatus status(ConsultationRequest request) {
        return request.status() == RequestStatus.WITHDRAWN
                ? CarePlan.CarePlanStatus.REVOKED
                : CarePlan.CarePlanStatus.ACTIVE;
    }
}
