package org.clinicops.monitoring.vitals.application;

import java.time.Duration;
import java.util.Map;
import org.clinicops.monitoring.vitals.domain.Thresholds;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code clinic.monitoring.thresholds.*}: the default alert thresholds and, under
 * {@code site-overrides.<siteId>}, the values a site changes (the others keep the default).
 */
@ConfigurationProperties("clinic.monitoring.thresholds")
public record ThresholdProperties(
        @DefaultValue("180") int systolicHigh,
        @DefaultValue("110") int diastolicHigh,
        @DefaultValue("200") int systolicSevere,
        @DefaultValue("120") int diastolicSevere,
        @DefaultValue("120") int heartRateHigh,
        @DefaultValue("92") int spo2Low,
        @DefaultValue("5m") Duration repeatMinGap,
        @DefaultValue("15m") Duration repeatWindow,
        @Nullable Map<String, Override> siteOverrides) {

    /** The values one site sets; null keeps the default. */
    public record Override(
            @Nullable Integer systolicHigh,
            @Nullable Integer diastolicHigh,
            @Nullable Integer systolicSevere,
            @Nullable Integer diastolicSevere,
            @Nullable Integer heartRateHigh,
            @Nullable Integer spo2Low,
            @Nullable Duration repeatMinGap,
            @Nullable Duration repeatWindow) {}

    /** The thresholds that apply at a site. */
    public Thresholds forSite(String siteId) {
        Override o = siteOverrides == null ? null : siteOverrides.get(siteId);
        if (o == null) {
            return new Thresholds(
                    systolicHigh,
                    diastolicHigh,
                    systolicSevere,
                    diastolicSevere,
                    heartRateHigh,
                    spo2Low,
                    repeatMinGap,
                    repeatWindow);
        }
        return new Thresholds(
                or(o.systolicHigh(), systolicHigh),
                or(o.diastolicHigh(), diastolicHigh),
                or(o.systolicSevere(), systolicSevere),
                or(o.diastolicSevere(), diastolicSevere),
                or(o.heartRateHigh(), heartRateHigh),
                or(o.spo2Low(), spo2Low),
                o.repeatMinGap() == null ? repeatMinGap : o.repeatMinGap(),
                o.repeatWindow() == null ? repeatWindow : o.repeatWindow());
    }

    private static int or(@Nullable Integer value, int fallback) {
        return value == null ? fallback : value;
    }
}
