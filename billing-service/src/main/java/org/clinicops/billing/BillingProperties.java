package org.clinicops.billing;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Billing configuration ({@code clinic.billing.*}): the default fee schedule a new site receives,
 * the poverty guideline behind the sliding scale, ICD-10 codes per condition and the provider
 * printed on superbills.
 */
@ConfigurationProperties("clinic.billing")
public record BillingProperties(
        String defaultCurrency,
        List<FeeItem> defaultFeeSchedule,
        List<Tier> defaultAssistanceTiers,
        PovertyGuideline povertyGuideline,
        Map<String, String> icd10,
        Provider provider) {

    public BillingProperties {
        defaultFeeSchedule = defaultFeeSchedule == null ? List.of() : List.copyOf(defaultFeeSchedule);
        defaultAssistanceTiers = defaultAssistanceTiers == null ? List.of() : List.copyOf(defaultAssistanceTiers);
        icd10 = icd10 == null ? Map.of() : Map.copyOf(icd10);
    }

    /** One priced code of the default schedule. */
    public record FeeItem(String code, String description, BigDecimal unitPrice) {}

    /** Household income up to {@code maxPercentOfGuideline} % of the guideline gets {@code discountPercent}. */
    public record Tier(String name, int maxPercentOfGuideline, int discountPercent) {}

    /** Yearly guideline: {@code firstPerson} plus {@code eachAdditionalPerson} per further household member. */
    public record PovertyGuideline(int year, String region, BigDecimal firstPerson, BigDecimal eachAdditionalPerson) {}

    /** The billing provider printed on superbills. */
    public record Provider(
            String name, String npi, String taxId, @Nullable String address) {}
}
