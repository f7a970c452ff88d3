package org.clinicops.bench.footprint;

import org.clinicops.bench.Options;
import org.clinicops.bench.Platform;
import org.clinicops.bench.Report;
import org.clinicops.bench.Scenario;

/** Placeholder until the scenario is written. */
public final class Footprint implements Scenario {

    @Override
    public String name() {
        return "footprint";
    }

    @Override
    public String description() {
        return "(not written yet)";
    }

    @Override
    public Report run(Platform platform, Options options) {
        return new Report(name()).note("not written yet");
    }
}
