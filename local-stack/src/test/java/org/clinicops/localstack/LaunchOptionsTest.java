package org.clinicops.localstack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class LaunchOptionsTest {

    @Test
    void usesStandardPortsWhenOnlyTheDataDirectoryIsGiven() {
        LaunchOptions options = LaunchOptions.parse(List.of("kafka", "--data", "var/kafka"));

        assertThat(options.dataDir()).isEqualTo(Path.of("var/kafka"));
        assertThat(options.port("port", 9092)).isEqualTo(9092);
        assertThat(options.port("controller-port", 9093)).isEqualTo(9093);
    }

    @Test
    void acceptsOptionsWithSpaceOrEqualsSign() {
        LaunchOptions options = LaunchOptions.parse(List.of("mongo", "--data=var/mongo", "--port", "27018"));

        assertThat(options.port("port", 27017)).isEqualTo(27018);
    }

    @Test
    void rejectsUnknownCommandsOptionsAndMissingDataDirectory() {
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("redis", "--data", "x")))
                .withMessageContaining("unknown command");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("mongo", "--data", "x", "--controller-port", "1")))
                .withMessageContaining("unknown option --controller-port");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("kafka", "--port", "9092")))
                .withMessageContaining("--data");
    }

    @Test
    void readsTheNodeOfAKafkaCluster() {
        LaunchOptions options = LaunchOptions.parse(List.of(
                "kafka",
                "--data",
                "var/kafka-cluster/broker-2",
                "--node-id",
                "2",
                "--voters",
                "1@localhost:9093,2@localhost:9095,3@localhost:9097",
                "--cluster-id-file",
                "var/kafka-cluster/cluster.id"));

        assertThat(options.number("node-id", 1)).isEqualTo(2);
        assertThat(options.text("voters")).isEqualTo("1@localhost:9093,2@localhost:9095,3@localhost:9097");
        assertThat(options.text("cluster-id-file")).isEqualTo("var/kafka-cluster/cluster.id");
        assertThat(LaunchOptions.parse(List.of("kafka", "--data", "x")).text("voters"))
                .isNull();
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("kafka", "--data", "x", "--node-id", "two"))
                        .number("node-id", 1))
                .withMessageContaining("--node-id must be a number");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> LaunchOptions.parse(List.of("mongo", "--data", "x", "--voters", "1@localhost:9093")))
                .withMessageContaining("unknown option --voters");
    }

    @Test
    void rejectsPortsOutsideTheValidRange() {
        LaunchOptions options = LaunchOptions.parse(List.of("mongo", "--data", "x", "--port", "70000"));

        assertThatIllegalArgumentException()
                .isThrownBy(() -> options.port("port", 27017))
                .withMessageContaining("between 1 and 65535");
    }
}
