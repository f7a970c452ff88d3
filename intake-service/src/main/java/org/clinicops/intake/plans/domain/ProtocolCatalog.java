package org.clinicops.intake.plans.domain;

import java.util.Map;
import org.clinicops.events.Protocol;

/**
 * Protocol defaults, with per-site overrides on top. Every protocol, at every site that overrides
 * it, must be dosable within its limits ({@link DoseRule#requireConfigured}): otherwise the service
 * does not start.
 */
public final class ProtocolCatalog {

    private final Map<Protocol, ProtocolDefaults> defaults;
    private final Map<String, Map<Protocol, ProtocolOverride>> siteOverrides;

    public ProtocolCatalog(
            Map<Protocol, ProtocolDefaults> defaults, Map<String, Map<Protocol, ProtocolOverride>> siteOverrides) {
        for (Protocol protocol : Protocol.values()) {
            ProtocolDefaults base = defaults.get(protocol);
            if (base == null) {
                throw new IllegalArgumentException("no defaults configured for protocol " + protocol);
            }
            DoseRule.requireConfigured("clinic.intake.protocols." + protocol, base);
        }
        siteOverrides.forEach((site, overrides) -> overrides.forEach((protocol, override) -> DoseRule.requireConfigured(
                "clinic.intake.sites." + site + ".protocols." + protocol,
                defaults.get(protocol).with(override))));
        this.defaults = Map.copyOf(defaults);
        this.siteOverrides = Map.copyOf(siteOverrides);
    }

    public ProtocolDefaults forSite(String siteId, Protocol protocol) {
        ProtocolDefaults base = defaults.get(protocol);
        ProtocolOverride override = siteOverrides.getOrDefault(siteId, Map.of()).get(protocol);
        return override == null ? base : base.with(override);
    }
}
