package org.clinicops.bench;

/** One benchmark: drives the running platform and reports what it measured. */
public interface Scenario {

    /** The name on the command line, e.g. {@code intake-load}. */
    String name();

    /** One line for {@code ./clinic bench --help}. */
    String description();

    Report run(Platform platform, Options options) throws Exception;
}
