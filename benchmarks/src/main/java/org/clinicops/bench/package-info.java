/**
 * Benchmarks and the crash test of a running local platform ({@code ./clinic bench}, {@code ./clinic
 * chaos}). Each scenario drives the platform through its public APIs and topics, measures, and
 * reports figures as a table and as JSON; nothing here asserts a figure.
 */
@NullMarked
package org.clinicops.bench;

import org.jspecify.annotations.NullMarked;
