package org.clinicops.billing.accounts.adapter.fhir;

import java.util.Date;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;
import org.clinicops.billing.accounts.application.AccountAccess;
import org.clinicops.billing.accounts.application.PatientAccounts;
import org.clinicops.billing.accounts.domain.PatientAccount;
import org.clinicops.platform.audit.Audit;
import org.clinicops.platform.fhir.FhirApi;
import org.clinicops.platform.fhir.FhirBundles;
import org.clinicops.platform.fhir.FhirExportScope;
import org.clinicops.platform.fhir.FhirExportSource;
import org.clinicops.platform.fhir.FhirOutcomes;
import org.clinicops.platform.fhir.FhirPage;
import org.clinicops.platform.fhir.FhirParams;
import org.clinicops.platform.fhir.FhirResourceType;
import org.clinicops.platform.fhir.FhirSearchParameters;
import org.clinicops.platform.paging.Page;
import org.clinicops.platform.paging.PageRequest;
import org.clinicops.platform.problem.InvalidRequestException;
import org.clinicops.platform.problem.NotFoundException;
import org.clinicops.platform.security.Role;
import org.clinicops.platform.security.SiteAccess;
import org.hl7.fhir.r4.model.Account;
import org.hl7.fhir.r4.model.Bundle;
import org.hl7.fhir.r4.model.Identifier;
import org.hl7.fhir.r4.model.Reference;
import org.hl7.fhir.r4.model.Resource;
import org.jspecify.annotations.Nullable;
import org.springframework.context.annotation.Bean;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * A patient's account at a site for billing staff, as {@code GET /api/patients/{id}/account?siteId=}
 * (BILLING; {@link AccountAccess}: 404 unknown, 403 another site's): read by id and search by {@code
 * patient} and {@code status} ({@code active}), paged. The logical id names the patient and the site
 * ({@code p.x.at.bos}), as the account's own id does ({@code p_x@bos}, which FHIR ids cannot hold).
 * Payer type and condition stay out: the diagnosis belongs on the services billed, and the balance
 * is not an R4 Account element.
 */
@RestController
@FhirApi
@RequestMapping(
        path = FhirOutcomes.BASE + "/Account",
        produces = {FhirOutcomes.FHIR_JSON, "application/json"})
class FhirAccountController {

    static final String AT = ".at.";
    static final String ACCOUNT_IDS = "https://clinicops.org/fhir/identifier/account";
    static final String SITES = "https://clinicops.org/fhir/identifier/site";
    static final int EXPORT_PAGE = 200;

    private final PatientAccounts accounts;
    private final AccountAccess access;

    FhirAccountController(PatientAccounts accounts, AccountAccess access) {
        this.accounts = accounts;
        this.access = access;
    }

    @Bean
    static FhirResourceType fhirAccount() {
        return new FhirResourceType(
                "Account",
                List.of(FhirResourceType.patient(), FhirResourceType.status("active (every account)")),
                Set.of(Role.BILLING));
    }

    /** Every account of the scope's sites opened in its range (an Account never changes once opened). */
    @Bean
    static FhirExportSource accountExport(PatientAccounts accounts) {
        return new FhirExportSource() {
            @Override
            public String type() {
                return "Account";
            }

            @Override
            public void export(FhirExportScope scope, Consumer<Resource> out) {
                if (scope.coversNoSite()) {
                    return;
                }
                long offset = 0;
                List<PatientAccount> page;
                do {
                    page = accounts.opened(
                            scope.sitesOrNull(), scope.since(), scope.transactionTime(), offset, EXPORT_PAGE);
                    page.forEach(account -> out.accept(toFhir(account)));
                    offset += page.size();
                } while (page.size() == EXPORT_PAGE);
            }
        };
    }

    static String fhirId(PatientAccount account) {
        return FhirParams.fhirId(account.patientId()) + AT + FhirParams.fhirId(account.siteId());
    }

    @GetMapping("/{id}")
    Account read(@PathVariable String id) {
        FhirParams.id(id, "id"); // 400 unless a FHIR id
        Audit.object("Account", id);
        // a patient's id may hold ".at." itself: try each place it could split, the patient's accounts first
        int at = id.indexOf(AT);
        while (at > 0) {
            String patientId = FhirParams.id(id.substring(0, at), "id");
            String rest = id.substring(at + AT.length());
            if (!rest.isEmpty()) {
                String siteId = FhirParams.id(rest, "id");
                if (!accounts.of(patientId).isEmpty()) {
                    PatientAccount account = access.require(patientId, siteId);
                    Audit.object("Account", account.id());
                    return toFhir(account);
                }
            }
            at = id.indexOf(AT, at + 1);
        }
        throw new NotFoundException("Account", id);
    }

    @GetMapping
    Bundle search(
            @RequestParam(required = false) @Nullable String patient,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(name = "_count", required = false) @Nullable Integer count,
            @RequestParam(name = "_page", required = false) @Nullable Integer page) {
        String patientId = FhirParams.patient(patient);
        FhirPage wanted = FhirPage.of(count, page);
        List<String> statuses = FhirParams.tokens(status);
        for (String code : statuses) {
            if (!List.of("active", "inactive", "entered-in-error", "on-hold", "unknown")
                    .contains(code)) {
                throw new InvalidRequestException(
                        "status", "takes active, inactive, entered-in-error, on-hold, unknown");
            }
        }
        PageRequest request = wanted.toPageRequest();
        Set<String> sites = SiteAccess.visibleSites(null).orElse(null);
        Audit.object("Account", null);
        Page<PatientAccount> found = statuses.isEmpty() || statuses.contains("active")
                ? accounts.page(sites, patientId, request)
                : new Page<>(List.of(), request, 0);
        Audit.patients(found.map(PatientAccount::patientId).content());
        return FhirBundles.searchSet(
                "Account",
                FhirSearchParameters.given().add("patient", patient).add("status", status),
                wanted,
                found.totalElements(),
                found.content().stream().map(FhirAccountController::toFhir).toList());
    }

    static Account toFhir(PatientAccount account) {
        Account resource = new Account();
        resource.setId(fhirId(account));
        resource.getMeta().setLastUpdated(Date.from(account.openedAt()));
        resource.addIdentifier().setSystem(ACCOUNT_IDS).setValue(account.id());
        resource.setStatus(Account.AccountStatus.ACTIVE);
        resource.getType()
                .setText("Patient billing account")
                .addCoding()
                .setSystem("http://terminology.hl7.org/CodeSystem/v3-ActCode")
                .setCode("PBILLACCT")
                .setDisplay("patient billing account");
        resource.addSubject(new Reference("Patient/" + FhirParams.fhirId(account.patientId())));
        resource.getServicePeriod().setStart(Date.from(account.openedAt()));
        resource.setOwner(new Reference()
                .setType("Organization")
                .setIdentifier(new Identifier().setSystem(SITES).setValue(account.siteId())));
        return resource;
    }
}
