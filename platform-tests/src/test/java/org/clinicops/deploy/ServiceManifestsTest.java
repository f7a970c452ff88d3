package org.clinicops.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The four services' Kubernetes manifests come from one template, {@code
 * deploy/k8s/service.yaml.template}: each {@code deploy/k8s/<service>.yaml} must be the template
 * rendered for that service, so a change made to one service's manifest alone fails here. With
 * {@code -Dclinic.k8s.render=true} the test writes the rendered files instead (after a change to the
 * template), then checks them as usual.
 */
class ServiceManifestsTest {

    static final Path TEMPLATE = DeployFiles.K8S.resolve("service.yaml.template");

    static List<String> services() {
        return List.copyOf(DeployFiles.PORT_BY_SERVICE.keySet());
    }

    @ParameterizedTest
    @MethodSource("services")
    void theManifestIsTheTemplateRenderedForTheService(String service) throws IOException {
        Path manifest = DeployFiles.K8S.resolve(service + ".yaml");
        String rendered = render(Files.readString(TEMPLATE, StandardCharsets.UTF_8), service);
        if (Boolean.getBoolean("clinic.k8s.render")) {
            Files.writeString(manifest, rendered, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(manifest, StandardCharsets.UTF_8))
                .as(
                        "deploy/k8s/%s.yaml differs from service.yaml.template rendered for it: change the template"
                                + " and render with -Dclinic.k8s.render=true",
                        service)
                .isEqualTo(rendered);
    }

    /** The template for one service: its lines without the header comment, placeholders replaced. */
    static String render(String template, String service) {
        Map<String, String> values = Map.of(
                "{{service}}", service,
                "{{database}}", DeployFiles.DATABASE_BY_SERVICE.get(service),
                "{{port}}", String.valueOf(DeployFiles.PORT_BY_SERVICE.get(service)),
                "{{managementPort}}", String.valueOf(DeployFiles.managementPort(service)));
        List<String> out = new ArrayList<>();
        boolean header = true;
        boolean keep = true;
        for (String line : template.split("\n", -1)) {
            if (header && line.startsWith("# ") && !line.contains("{{service}}:")) {
                continue; // the template's own header: how to render it
            }
            header = false;
            if (line.equals("{{#intake}}")) {
                keep = service.equals("intake-service");
            } else if (line.equals("{{/intake}}")) {
                keep = true;
            } else if (keep) {
                String rendered = line;
                for (Map.Entry<String, String> value : values.entrySet()) {
                    rendered = rendered.replace(value.getKey(), value.getValue());
                }
                out.add(rendered);
            }
        }
        return String.join("\n", out);
    }
}
