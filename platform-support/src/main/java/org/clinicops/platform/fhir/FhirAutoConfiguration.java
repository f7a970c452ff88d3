package org.clinicops.platform.fhir;

import ca.uhn.fhir.context.FhirContext;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.http.converter.HttpMessageConverters;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * The FHIR API's shared parts, in a service that registers at least one {@link FhirResourceType}:
 * HAPI's R4 context (built once at start-up: its model of the served types takes a few hundred
 * milliseconds, logged), the JSON converter, the {@code OperationOutcome} error advice and {@code
 * /fhir/r4/metadata}.
 */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@ConditionalOnBean(FhirResourceType.class)
@Import({FhirErrorAdvice.class, FhirMetadataController.class})
public class FhirAutoConfiguration {

    private static final Logger log = LoggerFactory.getLogger(FhirAutoConfiguration.class);

    /** HAPI's shared R4 context, with the model of every served type (and the API's own) scanned now. */
    @Bean
    FhirContext fhirContext(List<FhirResourceType> types) {
        long started = System.nanoTime();
        FhirContext fhir = FhirContext.forR4Cached();
        for (String type : List.of("Bundle", "OperationOutcome", "CapabilityStatement")) {
            fhir.getResourceDefinition(type);
        }
        types.forEach(type -> fhir.getResourceDefinition(type.type()));
        fhir.newJsonParser();
        log.info(
                "FHIR R4 context ready for {} resource types in {} ms",
                types.size(),
                TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started));
        return fhir;
    }

    @Bean
    FhirCapabilities fhirCapabilities(
            ObjectProvider<FhirResourceType> types,
            ObjectProvider<FhirExportSource> exports,
            Clock clock,
            @Value("${spring.application.name}") String service) {
        return new FhirCapabilities(
                service, types.orderedStream().toList(), exports.orderedStream().toList(), clock);
    }

    @Bean
    WebMvcConfigurer fhirResources(FhirContext fhir) {
        return new WebMvcConfigurer() {
            @Override
            public void configureMessageConverters(HttpMessageConverters.ServerBuilder converters) {
                converters.addCustomConverter(new FhirResourceConverter(fhir));
            }
        };
    }
}
