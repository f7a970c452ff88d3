package org.clinicops.platform.patients;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.client.web.OAuth2AuthorizedClientRepository;

/** The lookup of patients' names from intake that staff pages use ({@link PatientNameLookup}). */
@AutoConfiguration(
        afterName = {
            "org.clinicops.platform.security.ClinicSecurityConfiguration",
            "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration"
        })
@EnableConfigurationProperties(IntakeProperties.class)
public class PatientNamesAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    PatientNameLookup patientNameLookup(
            IntakeProperties properties, ObjectProvider<OAuth2AuthorizedClientRepository> authorizedClients) {
        return new PatientNameLookup(properties, authorizedClients.getIfAvailable());
    }
}
