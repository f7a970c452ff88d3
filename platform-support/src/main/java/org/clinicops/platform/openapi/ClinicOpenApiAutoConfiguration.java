package org.clinicops.platform.openapi;

import org.clinicops.platform.security.ApiAccessPolicy;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.context.annotation.Bean;

/**
 * Registers {@link ApiDocumentConventions} with springdoc in every service (and every group of its
 * document), so that no service repeats the security scheme, the problem responses or the paging
 * parameters.
 */
@AutoConfiguration
@ConditionalOnClass(name = "org.springdoc.core.customizers.GlobalOpenApiCustomizer")
public class ClinicOpenApiAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean
    ApiDocumentConventions apiDocumentConventions(
            ObjectProvider<ApiAccessPolicy> policy,
            @Value("${spring.application.name:clinicops-service}") String service,
            @Value("${spring.data.web.pageable.max-page-size:2000}") int maxPageSize) {
        return new ApiDocumentConventions(
                () -> policy.getIfAvailable(() -> ApiAccessPolicy.builder().build()), service, maxPageSize);
    }
}
