package org.clinicops.platform.security;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.clinicops.clock.ClinicClock;
import org.clinicops.platform.ClinicPlatformAutoConfiguration;
import org.clinicops.platform.audit.AuditController;
import org.clinicops.platform.audit.AuditFilter;
import org.clinicops.platform.audit.AuditTrail;
import org.clinicops.platform.ids.IdGenerator;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configuration.EnableWebSecurity;
import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.oauth2.client.registration.ClientRegistrationRepository;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.server.resource.web.authentication.BearerTokenAuthenticationFilter;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.authentication.LoginUrlAuthenticationEntryPoint;
import org.springframework.security.web.firewall.RequestRejectedHandler;
import org.springframework.security.web.util.matcher.MediaTypeRequestMatcher;

/**
 * Every service is an OAuth2 resource server: the API ({@code /api/**}) takes bearer tokens only
 * and keeps no session; pages sign in with the authorization-code flow (and take bearer tokens for
 * scripts). The FHIR API ({@code /fhir/**}) is API like {@code /api/**}, its refusals {@code
 * OperationOutcome}s. Who reaches what comes from the service's {@link ApiAccessPolicy}; whose site it is,
 * from {@link SiteAccess} in the handlers. Only access tokens meant for the service are accepted
 * ({@link AccessTokensOnly}). Health and Prometheus are open on the management port (the service
 * port + 1000), other actuator endpoints are for ADMIN; the public port answers only the probes
 * {@code /livez} and {@code /readyz}. Every API call and page request is written to the audit trail.
 */
@AutoConfiguration(
        after = ClinicPlatformAutoConfiguration.class,
        beforeName = {
            "org.springframework.boot.security.autoconfigure.SecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.UserDetailsServiceAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.web.servlet.ServletWebSecurityAutoConfiguration",
            "org.springframework.boot.security.autoconfigure.actuate.web.servlet.ManagementWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.OAuth2ResourceServerAutoConfiguration",
            "org.springframework.boot.security.oauth2.server.resource.autoconfigure.web.OAuth2ResourceServerWebSecurityAutoConfiguration",
            "org.springframework.boot.security.oauth2.client.autoconfigure.servlet.OAuth2ClientWebSecurityAutoConfiguration"
        })
@EnableWebSecurity
@EnableConfigurationProperties(ClinicSecurityProperties.class)
@Import(AuditController.class)
public class ClinicSecurityConfiguration {

    private static final String ADMIN = Role.ADMIN.name();
    /**
     * Open on the management port only (bound to localhost or a port no ingress exposes): the public
     * port serves no actuator endpoint, only the probes {@value #LIVENESS} and {@value #READINESS}.
     */
    private static final String[] OPEN_ACTUATOR = {
        "/actuator/health", "/actuator/health/**", "/actuator/prometheus", "/actuator/info"
    };

    private static final String LIVENESS = "/livez";
    private static final String READINESS = "/readyz";
    private static final String[] API_DOCS = {"/v3/api-docs", "/v3/api-docs/**", "/swagger-ui.html", "/swagger-ui/**"};
    private static final String[] STATIC = {"/css/**", "/js/**", "/images/**", "/webjars/**", "/favicon.ico", "/error"};

    private final StaffAuthorities authorities = new StaffAuthorities();
    private final ProblemResponses problems = new ProblemResponses();

    /**
     * The token decoder Boot configures (signing keys, issuer, validity) remembers what it verified
     * until it expires ({@link VerifiedTokens}); expiry is real time, as the decoder's own check and
     * the issuer's clock, even when {@code clinic.clock.start} moves the business clock.
     */
    @Bean
    static BeanPostProcessor verifiedTokens(Environment environment) {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof JwtDecoder decoder && !(bean instanceof VerifiedTokens)) {
                    String audience = environment.getProperty(
                            "clinic.security.audience",
                            environment.getProperty("spring.application.name", "application"));
                    boolean keycloak =
                            environment.getProperty("clinic.security.accept-keycloak-bearer", Boolean.class, false);
                    return new VerifiedTokens(
                            new AccessTokensOnly(decoder, audience, keycloak), ClinicClock.realTime());
                }
                return bean;
            }
        };
    }

    /**
     * The decoder Boot builds checks the JOSE {@code typ} header as an ID token's ({@code JWT} or
     * none) unless told otherwise; access tokens are {@code at+jwt}, which {@link AccessTokensOnly}
     * then requires.
     */
    @Bean
    JwtTypeValidator accessTokenTypes() {
        JwtTypeValidator types = new JwtTypeValidator(
                AccessTokensOnly.ACCESS_TOKEN_TYPE, "application/" + AccessTokensOnly.ACCESS_TOKEN_TYPE, "JWT");
        types.setAllowEmpty(true);
        return types;
    }

    /**
     * A request the firewall refuses (a {@code ;}, {@code ..}, an encoded slash or percent sign in
     * the path) is a 400 problem detail like any other refusal, never Boot's plain error body.
     */
    @Bean
    RequestRejectedHandler requestRejectedAsProblem() {
        return (request, response, rejected) ->
                ProblemResponses.write(response, 400, "Bad Request", "The request path or headers are not acceptable.");
    }

    @Bean
    @ConditionalOnMissingBean
    ApiAccessPolicy apiAccessPolicy() {
        return ApiAccessPolicy.builder().build();
    }

    @Bean
    AuditTrail auditTrail(MongoTemplate mongo, MeterRegistry meters) {
        return new AuditTrail(mongo, meters);
    }

    @Bean
    StaffAuthorities staffAuthoritiesMapper() {
        return authorities;
    }

    @Bean
    FilterRegistrationBean<RequestSizeLimitFilter> requestSizeLimitFilter(ClinicSecurityProperties properties) {
        var registration = new FilterRegistrationBean<>(
                new RequestSizeLimitFilter(properties.maxRequestSize().toBytes()));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 10);
        return registration;
    }

    @Bean
    @Order(1)
    SecurityFilterChain apiSecurity(
            HttpSecurity http,
            ApiAccessPolicy policy,
            ObjectProvider<ApiSecurityCustomizer> customizers,
            ClinicSecurityProperties properties,
            AuditTrail trail,
            IdGenerator ids,
            Clock clock,
            @Value("${spring.application.name}") String service)
            throws Exception {
        http.securityMatcher(
                        "/api/**",
                        "/fhir/**",
                        "/actuator/**",
                        LIVENESS,
                        READINESS,
                        "/v3/api-docs",
                        "/v3/api-docs/**",
                        "/swagger-ui.html",
                        "/swagger-ui/**")
                .csrf(csrf -> csrf.disable())
                .sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .exceptionHandling(
                        errors -> errors.authenticationEntryPoint(problems).accessDeniedHandler(problems))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(OPEN_ACTUATOR).permitAll();
                    requests.requestMatchers(LIVENESS, READINESS).permitAll();
                    requests.requestMatchers("/actuator/**").hasRole(ADMIN);
                    requests.requestMatchers(API_DOCS).permitAll();
                    apply(requests, policy.rules());
                    requests.anyRequest().hasRole(ADMIN);
                });
        bearerTokensAndAudit(http, properties, new AuditFilter(trail, ids, clock, service));
        for (ApiSecurityCustomizer customizer : customizers.orderedStream().toList()) {
            customizer.customize(http);
        }
        return http.build();
    }

    @Bean
    @Order(2)
    SecurityFilterChain pageSecurity(
            HttpSecurity http,
            ApiAccessPolicy policy,
            ObjectProvider<ClientRegistrationRepository> registrations,
            ClinicSecurityProperties properties,
            AuditTrail trail,
            IdGenerator ids,
            Clock clock,
            @Value("${spring.application.name}") String service)
            throws Exception {
        http.csrf(csrf -> csrf.ignoringRequestMatchers(request -> request.getHeader("Authorization") != null))
                .authorizeHttpRequests(requests -> {
                    requests.requestMatchers(STATIC).permitAll();
                    requests.requestMatchers("/login/**", "/oauth2/**").permitAll();
                    apply(requests, policy.rules());
                    requests.anyRequest().hasRole(ADMIN);
                });
        if (registrations.getIfAvailable() != null) {
            var browsers = new MediaTypeRequestMatcher(MediaType.TEXT_HTML);
            browsers.setIgnoredMediaTypes(Set.of(MediaType.ALL));
            http.oauth2Login(Customizer.withDefaults())
                    .logout(logout -> logout.logoutSuccessUrl("/"))
                    .exceptionHandling(errors -> errors.defaultAuthenticationEntryPointFor(
                            new LoginUrlAuthenticationEntryPoint("/oauth2/authorization/clinic"), browsers));
        }
        bearerTokensAndAudit(http, properties, new AuditFilter(trail, ids, clock, service));
        return http.build();
    }

    /** Both chains: bearer tokens with problem-detail refusals, and the audit filter when enabled. */
    private void bearerTokensAndAudit(HttpSecurity http, ClinicSecurityProperties properties, AuditFilter audit)
            throws Exception {
        http.oauth2ResourceServer(resource -> resource.jwt(jwt -> jwt.jwtAuthenticationConverter(authorities))
                .authenticationEntryPoint(problems)
                .accessDeniedHandler(problems));
        if (properties.audit()) {
            http.addFilterBefore(audit, BearerTokenAuthenticationFilter.class);
        }
    }

    private static void apply(
            AuthorizeHttpRequestsConfigurer<HttpSecurity>.AuthorizationManagerRequestMatcherRegistry requests,
            List<ApiAccessPolicy.Rule> rules) {
        for (ApiAccessPolicy.Rule rule : rules) {
            var matcher = rule.method() == null
                    ? requests.requestMatchers(rule.pattern())
                    : requests.requestMatchers(rule.method(), rule.pattern());
            if (rule.open()) {
                matcher.permitAll();
            } else {
                String[] roles = Stream.concat(
                                Stream.of(ADMIN), rule.roles().stream().map(Role::name))
                        .distinct()
                        .toArray(String[]::new);
                matcher.hasAnyRole(roles);
            }
        }
    }
}
