package org.clinicops.monitoring.register.adapter.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMax;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Objects;
import org.clinicops.monitoring.apidocs.ApiBounds;
import org.clinicops.monitoring.register.adapter.web.RegisterViews.DiscrepancyView;
import org.clinicops.monitoring.register.adapter.web.RegisterViews.EntryView;
import org.clinicops.monitoring.register.adapter.web.RegisterViews.LotView;
import org.clinicops.monitoring.register.adapter.web.RegisterViews.SessionAccountView;
import org.clinicops.monitoring.register.adapter.web.RegisterViews.SiteRegisterView;
import org.clinicops.monitoring.register.application.DrawForSession;
import org.clinicops.monitoring.register.application.ReceiveStock;
import org.clinicops.monitoring.register.application.ReceiveStockCommand;
import org.clinicops.monitoring.register.application.RecordCount;
import org.clinicops.monitoring.register.application.RecordWaste;
import org.clinicops.monitoring.register.application.RecordWasteCommand;
import org.clinicops.monitoring.register.application.RegisterProperties;
import org.clinicops.monitoring.register.application.RegisterQueries;
import org.clinicops.monitoring.register.application.ResolveDiscrepancy;
import org.clinicops.monitoring.register.application.ReverseEntry;
import org.clinicops.monitoring.register.domain.Entry;
import org.clinicops.monitoring.register.domain.LotLedger;
import org.clinicops.monitoring.register.domain.Product;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.SiteAccess;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The controlled-substance register of a site: stock received, drawn, wasted (with a witness's own
 * sign-in in {@value WitnessTokens#HEADER}), counted, corrected, and its discrepancies. Every
 * change is in the name of the signed-in member of staff, at one of her sites; every call is
 * audited (the platform's audit trail), naming the patient of a session's entries.
 */
@RestController
@RequestMapping("/api/register/{siteId}")
class RegisterController {

    /** The most characters of a supplier's name or an invoice reference. */
    static final int MAX_REFERENCE_LENGTH = 80;

    private final ReceiveStock receive;
    private final DrawForSession draw;
    private final RecordWaste waste;
    private final RecordCount count;
    private final ReverseEntry reverse;
    private final ResolveDiscrepancy resolve;
    private final RegisterQueries queries;
    private final WitnessTokens witnesses;
    private final RegisterProperties properties;

    RegisterController(
            ReceiveStock receive,
            DrawForSession draw,
            RecordWaste waste,
            RecordCount count,
            ReverseEntry reverse,
            ResolveDiscrepancy resolve,
            RegisterQueries queries,
            WitnessTokens witnesses,
            RegisterProperties properties) {
        this.receive = receive;
        this.draw = draw;
        this.waste = waste;
        this.count = count;
        this.reverse = reverse;
        this.resolve = resolve;
        this.queries = queries;
        this.witnesses = witnesses;
        this.properties = properties;
    }

    /** Milligrams as requests give them: positive, at most 10 g, bounded decimals (checked again in the domain). */
    record ReceiptRequest(
            @NotNull Product product,
            @NotBlank @Size(max = 16) String ndc,
            @NotBlank @Size(max = 40) String lotNumber,
            @NotNull LocalDate expiresOn,
            @Nullable @DecimalMax("500") BigDecimal concentrationMgPerMl,
            @Nullable @DecimalMax("100") BigDecimal volumeMlPerUnit,
            @Nullable @DecimalMax("1000") BigDecimal mgPerDevice,
            @NotNull @Min(1) @Max(1000) Integer units,
            @NotBlank @Size(max = MAX_REFERENCE_LENGTH) String supplier,
            @NotBlank @Size(max = MAX_REFERENCE_LENGTH) String invoiceRef) {}

    record ReceivedResponse(LotView lot, EntryView entry) {}

    record DrawRequest(
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String sessionId,
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String lotId,
            @NotNull @DecimalMax("1000000") BigDecimal mg) {}

    record WasteRequest(
            @Nullable @Size(max = ApiBounds.MAX_ID_LENGTH) String sessionId,
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String lotId,
            @NotNull @DecimalMax("1000000") BigDecimal mg,

            @Nullable @Size(max = LotLedger.MAX_REASON_LENGTH)
            String reason) {}

    record CountRequest(
            @NotBlank @Size(max = ApiBounds.MAX_ID_LENGTH) String lotId,
            @NotNull @DecimalMax("100000000") BigDecimal countedMg) {}

    record CountedResponse(EntryView entry, @Nullable String discrepancyId) {}

    record ReasonRequest(
            @NotBlank @Size(max = LotLedger.MAX_REASON_LENGTH)
            String reason) {}

    record ResolveRequest(
            @NotBlank @Size(max = LotLedger.MAX_REASON_LENGTH)
            String reason,

            boolean writeOff) {}

    @Operation(summary = "Record stock received at the site (opens the lot at its first receipt)")
    @ApiResponse(responseCode = "201", description = "The lot after the receipt and the receipt's entry")
    @PostMapping("/receipts")
    ResponseEntity<ReceivedResponse> receive(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId, @Valid @RequestBody ReceiptRequest r) {
        var received = receive.handle(new ReceiveStockCommand(
                siteId,
                r.product(),
                r.ndc(),
                r.lotNumber(),
                r.expiresOn(),
                r.concentrationMgPerMl(),
                r.volumeMlPerUnit(),
                r.mgPerDevice(),
                r.units(),
                r.supplier(),
                r.invoiceRef()));
        return created(
                siteId,
                received.entry(),
                new ReceivedResponse(LotView.of(received.lot()), EntryView.of(received.entry())));
    }

    @Operation(summary = "Record ketamine drawn for a session under way at the site")
    @ApiResponse(responseCode = "201", description = "The draw's entry")
    @ApiResponse(responseCode = "404", description = "No such session")
    @PostMapping("/draws")
    ResponseEntity<EntryView> draw(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId, @Valid @RequestBody DrawRequest r) {
        Entry entry = draw.handle(siteId, r.sessionId(), r.lotId(), r.mg());
        return created(siteId, entry, EntryView.of(entry));
    }

    @Operation(
            summary = "Record a witnessed waste: of a session (drawn, not given) or from stock (with a reason)",
            description = "The witness, a second nurse or clinician of the site, signs in themselves: their own "
                    + "access token in the X-Witness-Token header.")
    @ApiResponse(responseCode = "201", description = "The waste's entry")
    @ApiResponse(responseCode = "404", description = "No such session")
    @PostMapping("/wastes")
    ResponseEntity<EntryView> waste(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @Parameter(description = "The witness's own access token (Bearer prefix optional)")
                    @RequestHeader(name = WitnessTokens.HEADER, required = false)
                    @Nullable
                    @Size(max = WitnessTokens.MAX_LENGTH)
                    String witnessToken,
            @Valid @RequestBody WasteRequest r) {
        String recorder = SiteAccess.require(siteId).username();
        Entry entry = waste.handle(new RecordWasteCommand(
                siteId, r.sessionId(), r.lotId(), r.mg(), r.reason(), recorder, witnesses.witness(witnessToken)));
        return created(siteId, entry, EntryView.of(entry));
    }

    @Operation(summary = "Record the daily count of a lot; a difference from its balance raises a discrepancy")
    @ApiResponse(responseCode = "201", description = "The count's entry and the discrepancy it raised, if any")
    @PostMapping("/counts")
    ResponseEntity<CountedResponse> count(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId, @Valid @RequestBody CountRequest r) {
        var counted = count.handle(siteId, r.lotId(), r.countedMg());
        return created(
                siteId, counted.entry(), new CountedResponse(EntryView.of(counted.entry()), counted.discrepancyId()));
    }

    @Operation(summary = "Correct an entry with a new reversing entry and a reason (entries are never edited)")
    @ApiResponse(responseCode = "201", description = "The reversing entry")
    @PostMapping("/entries/{entryId}/reversal")
    ResponseEntity<EntryView> reverse(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH + 12) String entryId,
            @Valid @RequestBody ReasonRequest r) {
        Entry entry = reverse.handle(siteId, entryId, r.reason());
        return created(siteId, entry, EntryView.of(entry));
    }

    @Operation(
            summary = "Resolve an open discrepancy with a reason (clinicians); a count's difference may be written off")
    @PostMapping("/discrepancies/{discrepancyId}/resolve")
    DiscrepancyView resolve(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @PathVariable @Size(max = 2 * ApiBounds.MAX_ID_LENGTH) String discrepancyId,
            @Valid @RequestBody ResolveRequest r) {
        return DiscrepancyView.of(resolve.handle(siteId, discrepancyId, r.reason(), r.writeOff()));
    }

    @Operation(summary = "Read the site's register: lots and balances, today's entries, open discrepancies")
    @GetMapping
    SiteRegisterView site(@PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId) {
        SiteAccess.require(siteId);
        Audit.object("register", siteId);
        var register = queries.site(siteId);
        Audit.patients(patientsOf(register.todaysEntries()));
        register.openDiscrepancies().forEach(d -> {
            if (d.patientId() != null) {
                Audit.patients(List.of(d.patientId()));
            }
        });
        return SiteRegisterView.of(register);
    }

    @Operation(summary = "Read every entry of a lot, in order")
    @GetMapping("/lots/{lotId}/entries")
    List<EntryView> entries(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String lotId) {
        SiteAccess.require(siteId);
        queries.lot(siteId, lotId).orElseThrow(() -> new NotFoundException("lot", lotId));
        Audit.object("register-lot", lotId);
        List<Entry> entries = queries.entriesOfLot(lotId);
        Audit.patients(patientsOf(entries));
        return entries.stream().map(EntryView::of).toList();
    }

    @Operation(summary = "Read a session's reconciliation: drawn, administered, wasted")
    @GetMapping("/sessions/{sessionId}")
    SessionAccountView session(
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String siteId,
            @PathVariable @Size(max = ApiBounds.MAX_ID_LENGTH) String sessionId) {
        SiteAccess.require(siteId);
        var known = queries.registerSession(sessionId)
                .filter(s -> s.siteId().equals(siteId))
                .orElseThrow(() -> new NotFoundException("register session", sessionId));
        Audit.patient(known.patientId());
        return RegisterViews.of(queries.account(sessionId), properties.toleranceMg());
    }

    private static List<String> patientsOf(List<Entry> entries) {
        return entries.stream()
                .map(Entry::patientId)
                .filter(Objects::nonNull)
                .distinct()
                .toList();
    }

    private static <T> ResponseEntity<T> created(String siteId, Entry entry, T body) {
        Audit.patient(entry.patientId());
        return ResponseEntity.status(HttpStatus.CREATED)
                .location(URI.create("/api/register/" + siteId + "/lots/" + entry.lotId() + "/entries"))
                .body(body);
    }
}
