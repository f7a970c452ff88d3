package org.clinicops.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The event table in README.md is what engineers read first: it must match the contract. */
class ContractReadmeTest {

    @ParameterizedTest
    @EnumSource(EventType.class)
    void readmeListsTheEventWithItsRecordProducerAndConsumers(EventType type) throws IOException {
        // surefire runs in the module directory
        List<String> rows = Files.readAllLines(Path.of("README.md")).stream()
                .filter(line -> line.startsWith("| `" + type.topic() + "` |"))
                .toList();

        assertThat(rows).hasSize(1);
        List<String> cells = Arrays.stream(rows.get(0).split("\\|"))
                .map(String::strip)
                .filter(cell -> !cell.isEmpty())
                .toList();
        EventRouting routing = EventRouting.TABLE.get(type);
        assertThat(cells.get(1)).isEqualTo("`" + type.payloadClass().getSimpleName() + "`");
        assertThat(cells.get(2)).isEqualTo(routing.producer());
        assertThat(Set.of(cells.get(3).split(",\\s*"))).isEqualTo(routing.consumers());
        assertThat(cells.get(4)).startsWith(type.keyedBySite() ? "site id" : "patient id");
    }

    @Test
    void routingTableNamesOnlyKnownServices() {
        Set<String> named = EventRouting.TABLE.values().stream()
                .flatMap(r -> Stream.concat(Stream.of(r.producer()), r.consumers().stream()))
                .collect(Collectors.toSet());

        assertThat(EventRouting.SERVICES).containsAll(named);
        assertThat(EventRouting.TABLE).containsOnlyKeys(EventType.values());
    }
}
