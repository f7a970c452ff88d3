package org.clinicops.demo;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.clinicops.demo.ClinicClient.Response;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * The demo's part in monitoring's ketamine register, so its dashboard panels fill: stock received
 * at each site (and again when it runs low), the drug drawn for every infusion when it starts, what
 * was drawn and not given wasted once the session ended (the site's physician, signed in as herself,
 * as witness: her own token in {@code X-Witness-Token}), and a daily count of every lot, a few of
 * them found short so that a discrepancy opens, which the physician resolves at the next count.
 */
final class RegisterDesk {

    /** Ketamine 50 mg/mL in 10 mL vials (500 mg each); esketamine devices of 28 mg. */
    static final BigDecimal VIAL_MG = new BigDecimal("500");

    static final BigDecimal DEVICE_MG = new BigDecimal("28");
    static final int VIALS_PER_ORDER = 20;
    static final int DEVICES_PER_ORDER = 60;
    /** Restock when a product's usable stock falls below this many vials' or devices' worth. */
    static final int RESTOCK_BELOW_UNITS = 6;
    /** One daily count in this many finds a few milligrams missing. */
    static final int SHORT_COUNT_ONE_IN = 25;

    private final ClinicClient api;
    private final Function<String, ClinicClient> witnesses;
    private final DemoStats stats;
    private final Clock clock;
    private final SplittableRandom random;
    private final Map<String, LocalDate> countedOn = new ConcurrentHashMap<>();
    /** Sessions that ended and whose rest waits to be wasted (site by session), with the tries left. */
    private final Map<String, String> toWaste = new ConcurrentHashMap<>();

    private final Map<String, Integer> triesLeft = new ConcurrentHashMap<>();
    private final AtomicInteger orders = new AtomicInteger();

    RegisterDesk(
            ClinicClient api,
            Function<String, ClinicClient> witnesses,
            DemoStats stats,
            Clock clock,
            SplittableRandom random) {
        this.api = api;
        this.witnesses = witnesses;
        this.stats = stats;
        this.clock = clock;
        this.random = random;
    }

    /** The product a protocol uses. */
    static String productOf(@Nullable String protocol) {
        return "ESKETAMINE_INDUCTION".equals(protocol) ? "ESKETAMINE_NASAL" : "KETAMINE_HCL";
    }

    /**
     * What the nurse draws for a planned dose: a little more than planned (the dose given may be 5 %
     * above it), rounded up to whole devices for esketamine and to 5 mg for a vial.
     */
    static BigDecimal toDraw(BigDecimal plannedMg, String product) {
        BigDecimal unit = product.equals("ESKETAMINE_NASAL") ? DEVICE_MG : new BigDecimal("5");
        BigDecimal wanted = plannedMg.multiply(new BigDecimal("1.08"));
        return wanted.divide(unit, 0, RoundingMode.CEILING).multiply(unit);
    }

    /** Stock for every product the site lacks (the first run, and whenever it runs low). */
    void restock(String siteId) {
        JsonNode register = api.get("monitoring", "/api/register/" + siteId).body();
        for (String product : new String[] {"KETAMINE_HCL", "ESKETAMINE_NASAL"}) {
            BigDecimal unit = product.equals("ESKETAMINE_NASAL") ? DEVICE_MG : VIAL_MG;
            if (usable(register, product).compareTo(unit.multiply(BigDecimal.valueOf(RESTOCK_BELOW_UNITS))) < 0) {
                receive(siteId, product);
            }
        }
    }

    private void receive(String siteId, String product) {
        LocalDate today = clock.instant().atZone(ZoneId.of("UTC")).toLocalDate();
        String lotNumber = (product.equals("ESKETAMINE_NASAL") ? "ES" : "KT")
                + today.toString().replace("-", "") + "-" + siteId.toUpperCase(java.util.Locale.ROOT) + "-"
                + orders.incrementAndGet();
        Map<String, Object> receipt = product.equals("ESKETAMINE_NASAL")
                ? Map.of(
                        "product",
                        product,
                        "ndc",
                        "50458-028-02",
                        "lotNumber",
                        lotNumber,
                        "expiresOn",
                        today.plusYears(2).toString(),
                        "mgPerDevice",
                        DEVICE_MG,
                        "units",
                        DEVICES_PER_ORDER,
                        "supplier",
                        "Demo distributor",
                        "invoiceRef",
                        "INV-" + lotNumber)
                : Map.of(
                        "product",
                        product,
                        "ndc",
                        "0409-2051-05",
                        "lotNumber",
                        lotNumber,
                        "expiresOn",
                        today.plusYears(2).toString(),
                        "concentrationMgPerMl",
                        50,
                        "volumeMlPerUnit",
                        10,
                        "units",
                        VIALS_PER_ORDER,
                        "supplier",
                        "Demo distributor",
                        "invoiceRef",
                        "INV-" + lotNumber);
        if (api.post("monitoring", "/api/register/" + siteId + "/receipts", receipt)
                .ok()) {
            stats.count("register: stock received");
        }
    }

    /** Draws for the session from the usable lot of its product that expires first; the amount drawn, or null. */
    @Nullable
    BigDecimal draw(String siteId, String sessionId, String product, BigDecimal plannedMg) {
        BigDecimal mg = toDraw(plannedMg, product);
        JsonNode register = api.get("monitoring", "/api/register/" + siteId).body();
        String lot = lotFor(register, product, mg);
        if (lot == null) {
            restock(siteId);
            lot = lotFor(api.get("monitoring", "/api/register/" + siteId).body(), product, mg);
        }
        if (lot == null) {
            return null;
        }
        Response drawn = api.post(
                "monitoring",
                "/api/register/" + siteId + "/draws",
                Map.of("sessionId", sessionId, "lotId", lot, "mg", mg));
        if (drawn.ok()) {
            stats.count("register: draws");
            return mg;
        }
        return null;
    }

    /** The session ended: its rest is wasted by {@link #settle} once monitoring has the dose given. */
    void ended(String siteId, String sessionId) {
        toWaste.put(sessionId, siteId);
        triesLeft.put(sessionId, 30);
    }

    /** Tries the wastes waiting for their session's dose; gives one up after 30 tries. */
    void settle() {
        for (var waiting : Map.copyOf(toWaste).entrySet()) {
            String sessionId = waiting.getKey();
            int left = triesLeft.merge(sessionId, -1, Integer::sum);
            if (wasteRest(waiting.getValue(), sessionId) || left <= 0) {
                toWaste.remove(sessionId);
                triesLeft.remove(sessionId);
            }
        }
    }

    /**
     * Wastes what the session drew and neither gave nor wasted, once monitoring has the dose given
     * (from the session's completion or stop). False while that has not arrived yet.
     */
    boolean wasteRest(String siteId, String sessionId) {
        Response account = api.get("monitoring", "/api/register/" + siteId + "/sessions/" + sessionId);
        if (account.status() == 404) {
            return true; // nothing drawn
        }
        if (!account.ok()
                || account.body().path("administeredMg").isNull()
                || account.body().path("administeredMg").isMissingNode()) {
            return false;
        }
        BigDecimal rest = account.body().path("unaccountedMg").decimalValue();
        if (rest.signum() <= 0) {
            return true;
        }
        String lot = null;
        BigDecimal most = BigDecimal.ZERO;
        for (JsonNode part : account.body().path("lots")) {
            BigDecimal left = part.path("drawnMg")
                    .decimalValue()
                    .subtract(part.path("administeredMg").decimalValue())
                    .subtract(part.path("wastedMg").decimalValue());
            if (left.compareTo(most) > 0) {
                most = left;
                lot = part.path("lotId").asString();
            }
        }
        if (lot == null) {
            return true;
        }
        rest = rest.min(most);
        String witnessToken = witnesses.apply(siteId).token();
        if (witnessToken == null) {
            return true;
        }
        Response wasted = api.post(
                "monitoring",
                "/api/register/" + siteId + "/wastes",
                Map.of("sessionId", sessionId, "lotId", lot, "mg", rest),
                "X-Witness-Token",
                witnessToken);
        if (wasted.ok()) {
            stats.count("register: wastes witnessed");
        }
        return true;
    }

    /**
     * At most once a business day per site: the physician resolves yesterday's short counts, then
     * every lot is counted (one count in {@value #SHORT_COUNT_ONE_IN} finds 1-5 mg missing).
     */
    void dailyCount(String siteId, ZoneId zone) {
        LocalDate today = clock.instant().atZone(zone).toLocalDate();
        if (today.equals(countedOn.get(siteId))) {
            return;
        }
        countedOn.put(siteId, today);
        JsonNode register = api.get("monitoring", "/api/register/" + siteId).body();
        ClinicClient physician = witnesses.apply(siteId);
        for (JsonNode discrepancy : register.path("openDiscrepancies")) {
            boolean count = "COUNT_DIFFERENCE".equals(discrepancy.path("kind").asString());
            Response resolved = physician.post(
                    "monitoring",
                    "/api/register/" + siteId + "/discrepancies/"
                            + discrepancy.path("discrepancyId").asString() + "/resolve",
                    Map.of(
                            "reason",
                            count ? "Recounted with a second nurse; loss written off" : "Reviewed with the nurse",
                            "writeOff",
                            count));
            if (resolved.ok()) {
                stats.count("register: discrepancies resolved");
            }
        }
        for (JsonNode lot :
                api.get("monitoring", "/api/register/" + siteId).body().path("lots")) {
            BigDecimal balance = lot.path("balanceMg").decimalValue();
            if (balance.signum() == 0) {
                continue;
            }
            BigDecimal counted = random.nextInt(SHORT_COUNT_ONE_IN) == 0
                    ? balance.subtract(BigDecimal.valueOf(1 + random.nextInt(5)))
                            .max(BigDecimal.ZERO)
                    : balance;
            Response recorded = api.post(
                    "monitoring",
                    "/api/register/" + siteId + "/counts",
                    Map.of("lotId", lot.path("lotId").asString(), "countedMg", counted));
            if (recorded.ok()) {
                stats.count("register: lots counted");
            }
        }
    }

    private static BigDecimal usable(JsonNode register, String product) {
        BigDecimal total = BigDecimal.ZERO;
        LocalDate today = LocalDate.parse(register.path("today").asString("1970-01-01"));
        for (JsonNode lot : register.path("lots")) {
            if (product.equals(lot.path("product").asString())
                    && !LocalDate.parse(lot.path("expiresOn").asString()).isBefore(today)) {
                total = total.add(lot.path("balanceMg").decimalValue());
            }
        }
        return total;
    }

    private static @Nullable String lotFor(JsonNode register, String product, BigDecimal mg) {
        String best = null;
        LocalDate bestExpiry = null;
        LocalDate today = LocalDate.parse(register.path("today").asString("1970-01-01"));
        for (JsonNode lot : register.path("lots")) {
            LocalDate expires = LocalDate.parse(lot.path("expiresOn").asString());
            if (product.equals(lot.path("product").asString())
                    && !expires.isBefore(today)
                    && lot.path("balanceMg").decimalValue().compareTo(mg) >= 0
                    && (bestExpiry == null || expires.isBefore(bestExpiry))) {
                best = lot.path("lotId").asString();
                bestExpiry = expires;
            }
        }
        return best;
    }
}
