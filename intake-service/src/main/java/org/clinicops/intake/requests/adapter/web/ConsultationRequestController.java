package org.clinicops.intake.requests.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.security.SecurityRequirements;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Set;
import org.clinicops.intake.patients.application.RegisterPatient.PatientDetails;
import org.clinicops.intake.plans.application.DecideTreatment;
import org.clinicops.intake.requests.adapter.web.RequestBodies.DecisionBody;
import org.clinicops.intake.requests.adapter.web.RequestBodies.NewRequest;
import org.clinicops.intake.requests.adapter.web.RequestBodies.Screening;
import org.clinicops.intake.requests.adapter.web.RequestBodies.WithdrawalBody;
import org.clinicops.intake.requests.application.FindRequests;
import org.clinicops.intake.requests.application.RequestFilter;
import org.clinicops.intake.requests.application.SubmitConsultationRequest;
import org.clinicops.intake.requests.application.WithdrawRequest;
import org.clinicops.intake.requests.domain.ConsultationRequest;
import org.clinicops.intake.requests.domain.RequestStatus;
import org.clinicops.intake.screening.application.ScreenPatient;
import org.clinicops.intake.screening.domain.PriorTrial;
import org.clinicops.intake.screening.domain.ScreeningAnswers;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.paging.SpringDataPages;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.data.domain.Pageable;
import org.springframework.data.web.PagedModel;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Consultation requests: submit (public), read, screen, decide, withdraw. Every handler that loads
 * a request checks its site before answering or changing anything; lists show only the caller's
 * sites.
 */
@RestController
@RequestMapping("/api/consultation-requests")
@Tag(name = "consultation requests")
class ConsultationRequestController {

    /** The longest request id a path takes (the service makes ids of about 20 characters): longer is a 400. */
    static final int MAX_ID_LENGTH = 80;

    private static final String PROBLEM = MediaType.APPLICATION_PROBLEM_JSON_VALUE;

    private final SubmitConsultationRequest submit;
    private final ScreenPatient screen;
    private final DecideTreatment decide;
    private final WithdrawRequest withdraw;
    private final FindRequests find;

    ConsultationRequestController(
            SubmitConsultationRequest submit,
            ScreenPatient screen,
            DecideTreatment decide,
            WithdrawRequest withdraw,
            FindRequests find) {
        this.submit = submit;
        this.screen = screen;
        this.decide = decide;
        this.withdraw = withdraw;
        this.find = find;
    }

    /**
     * What the public form answers: the request's id and status, nothing about the patient (not
     * their pseudonym, not whether they were known already).
     */
    record Submitted(String id, RequestStatus status) {}

    /**
     * Public: a patient or referrer needs no token, and gets only {@link Submitted}. A signed-in
     * member of staff (entering a phone request, say) submits only for one of their sites and gets
     * the request as their site sees it.
     */
    @Operation(summary = "Submit a consultation request (public form)")
    @SecurityRequirements // open: no token needed
    @ApiResponse(
            responseCode = "201",
            description = "Created. Anonymous: only the request id and status; signed-in staff: the request",
            content =
                    @Content(
                            mediaType = "application/json",
                            schema = @Schema(anyOf = {Submitted.class, RequestView.class})))
    @ApiResponse(
            responseCode = "401",
            description = "A bearer token was sent and is not valid (anonymous submissions send none)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "403",
            description = "Signed-in staff submitting for a site that is not theirs",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @ApiResponse(
            responseCode = "429",
            description = "Too many anonymous requests from this address (Retry-After)",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping
    ResponseEntity<?> submit(@Valid @RequestBody NewRequest body) {
        Audit.site(body.siteId());
        boolean signedIn = SiteAccess.findCurrentUser().isPresent();
        if (signedIn) {
            SiteAccess.require(body.siteId());
        }
        var p = body.patient();
        var created = submit.handle(new SubmitConsultationRequest.Command(
                body.siteId(),
                new PatientDetails(p.firstName(), p.lastName(), p.dateOfBirth(), p.email(), p.phone()),
                body.condition(),
                body.referralSource(),
                body.payerType()));
        Audit.patient(created.patientId());
        var answer = ResponseEntity.created(URI.create("/api/consultation-requests/" + created.id()));
        return signedIn
                ? answer.body(RequestView.of(created))
                : answer.body(new Submitted(created.id(), created.status()));
    }

    @Operation(summary = "Read a consultation request with its consultation, screening and decision")
    @GetMapping("/{id}")
    RequestView get(@PathVariable @Size(max = MAX_ID_LENGTH) String id) {
        return RequestView.of(load(id));
    }

    /** The screening in full, prior trials and medications included: for clinicians. */
    @Operation(summary = "Read a request's screening in full (clinicians)")
    @GetMapping("/{id}/screening")
    ScreeningView screening(@PathVariable @Size(max = MAX_ID_LENGTH) String id) {
        ConsultationRequest request = load(id);
        if (request.screening() == null) {
            throw new NotFoundException("screening of consultation request", id);
        }
        return ScreeningView.of(request);
    }

    @Operation(summary = "List consultation requests of the caller's sites, oldest first, paged")
    @GetMapping
    PagedModel<RequestView> list(
            @RequestParam(required = false) @Nullable @Size(max = 40) String siteId,
            @RequestParam(required = false) @Nullable RequestStatus status,
            @RequestParam(required = false) @Nullable Boolean urgent,
            Pageable pageable) {
        var sites = SiteAccess.visibleSites(siteId).orElse(null);
        var page = find.find(new RequestFilter(sites, status, urgent), SpringDataPages.fromPageable(pageable));
        Audit.patients(
                page.content().stream().map(ConsultationRequest::patientId).toList());
        return SpringDataPages.toPagedModel(page.map(RequestView::of));
    }

    @Operation(summary = "Record screening at or after the consultation's check-in")
    @ApiResponse(responseCode = "200", description = "The request with its screening and eligibility")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The object's state or a clinical rule refuses the step (problem property code); nothing is written",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{id}/screening")
    RequestView screen(
            @PathVariable @Parameter(schema = @Schema(type = "string", maxLength = MAX_ID_LENGTH)) String id,
            @Valid @RequestBody Screening body) {
        load(bounded("id", id));
        var answers = new ScreeningAnswers(
                body.phq9(),
                body.gad7(),
                body.pcl5(),
                body.painNrs(),
                body.priorTrials() == null
                        ? List.of()
                        : body.priorTrials().stream()
                                .map(t -> new PriorTrial(t.drug(), t.adequate(), t.relief()))
                                .toList(),
                body.contraindications() == null ? Set.of() : Set.copyOf(body.contraindications()),
                body.medications() == null ? List.of() : body.medications(),
                body.weightKg());
        return RequestView.of(screen.handle(id, answers));
    }

    @Operation(summary = "Decide after the completed consultation (a physician of the site)")
    @ApiResponse(responseCode = "200", description = "The request with its decision (and the approved plan, if any)")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The object's state or a clinical rule refuses the step (problem property code); nothing is written",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{id}/decision")
    RequestView decide(
            @PathVariable @Parameter(schema = @Schema(type = "string", maxLength = MAX_ID_LENGTH)) String id,
            @Valid @RequestBody DecisionBody body) {
        load(bounded("id", id));
        return RequestView.of(decide.handle(new DecideTreatment.Command(
                id,
                SiteAccess.currentUser(),
                body.decision(),
                body.protocol(),
                body.sessions(),
                body.doseMgPerKg(),
                body.doseMg(),
                Boolean.TRUE.equals(body.override()),
                body.reason())));
    }

    /**
     * Withdraws an open request, with an optional reason code (no body, or a body without a reason,
     * withdraws without one). A second withdrawal is a 409, so the withdrawal event leaves once.
     */
    @Operation(summary = "Withdraw an open request, with an optional reason code")
    @ApiResponse(responseCode = "200", description = "The withdrawn request")
    @ApiResponse(
            responseCode = "409",
            description =
                    "The object's state or a clinical rule refuses the step (problem property code); nothing is written",
            content = @Content(mediaType = PROBLEM, schema = @Schema(implementation = ProblemDetail.class)))
    @PostMapping("/{id}/withdraw")
    RequestView withdraw(
            @PathVariable @Parameter(schema = @Schema(type = "string", maxLength = MAX_ID_LENGTH)) String id,
            @Valid @RequestBody(required = false) @Nullable WithdrawalBody body) {
        load(bounded("id", id));
        return RequestView.of(withdraw.handle(new WithdrawRequest.Command(id, body == null ? null : body.reason())));
    }

    /** The request, if its site is the caller's (403 otherwise); recorded for the audit trail. */
    private ConsultationRequest load(String id) {
        ConsultationRequest request = find.get(id);
        Audit.patient(request.patientId());
        SiteAccess.require(request.siteId());
        return request;
    }

    /**
     * Checks an id in the path of a handler that also validates a body: a {@code @Size} on the path
     * variable would turn on method validation for the whole handler, whose 400 then names the body
     * instead of the body's bad fields.
     */
    private static String bounded(String name, String id) {
        if (id.length() > MAX_ID_LENGTH) {
            throw new InvalidRequestException(name, "must be at most " + MAX_ID_LENGTH + " characters");
        }
        return id;
    }
}
