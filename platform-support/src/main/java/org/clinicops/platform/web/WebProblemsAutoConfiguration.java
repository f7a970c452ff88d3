package org.clinicops.platform.web;

import org.apache.catalina.startup.Tomcat;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.autoconfigure.condition.SearchStrategy;
import org.springframework.boot.autoconfigure.web.WebProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorViewResolver;
import org.springframework.boot.webmvc.error.ErrorAttributes;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;

/**
 * Problem details for the refusals no controller answers, on both ports: Tomcat's own (its error
 * report valve, {@link ProblemErrorReports}), Boot's error path ({@link ProblemErrorController}) and a
 * multipart body without a boundary ({@link MultipartBoundaryFilter}). {@link ProblemDetailsAdvice}
 * answers everything that reaches a controller. Before Boot's error auto-configuration, so that its
 * {@code BasicErrorController} gives way.
 */
@AutoConfiguration(beforeName = "org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration")
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebProperties.class)
public class WebProblemsAutoConfiguration {

    @Bean
    @ConditionalOnMissingBean(value = ErrorController.class, search = SearchStrategy.CURRENT)
    ProblemErrorController problemErrorController(
            ErrorAttributes errorAttributes, WebProperties web, ObjectProvider<ErrorViewResolver> errorViewResolvers) {
        return new ProblemErrorController(
                errorAttributes,
                web.getError(),
                errorViewResolvers.orderedStream().toList());
    }

    /** First of the platform's filters after the probe aliases: nothing may read such a body. */
    @Bean
    FilterRegistrationBean<MultipartBoundaryFilter> multipartBoundaryFilter() {
        FilterRegistrationBean<MultipartBoundaryFilter> registration =
                new FilterRegistrationBean<>(new MultipartBoundaryFilter());
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 8);
        return registration;
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(Tomcat.class)
    static class TomcatProblems {

        @Bean
        ProblemErrorReports problemErrorReports() {
            return new ProblemErrorReports();
        }
    }
}
