package org.clinicops.platform.security;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.http.server.PathContainer;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;

/**
 * Which roles reach which endpoints of a service: its API ({@code /api/**}) and its pages. Every
 * service declares one as a bean. The first rule matching a request's method and path decides; a
 * request no rule matches is for ADMIN only, so a forgotten endpoint is closed, not open. ADMIN
 * reaches every endpoint.
 */
public final class ApiAccessPolicy {

    private static final PathPatternParser PARSER = PathPatternParser.defaultInstance;

    /**
     * One rule.
     *
     * @param method the HTTP method, or null for any
     * @param pattern a path pattern ({@code /api/invoices/{id}/void}, {@code /api/sites/**})
     * @param roles who may call it besides ADMIN; empty for a public endpoint
     * @param open whether it needs no token at all
     */
    public record Rule(@Nullable HttpMethod method, String pattern, Set<Role> roles, boolean open) {
        public Rule {
            roles = roles.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(roles));
        }

        boolean matches(HttpMethod requestMethod, String path) {
            return (method == null || method.equals(requestMethod))
                    && PARSER.parse(pattern).matches(PathContainer.parsePath(path));
        }

        /** Whether a user holding these roles passes this rule. */
        public boolean admits(Set<Role> held) {
            return open || held.contains(Role.ADMIN) || held.stream().anyMatch(roles::contains);
        }
    }

    private final List<Rule> rules;

    private ApiAccessPolicy(List<Rule> rules) {
        this.rules = List.copyOf(rules);
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * This policy with a platform feature's rules checked before its own (the FHIR bulk export's
     * endpoints, whoever the service's rules admit to paths around them).
     */
    public ApiAccessPolicy withRulesFirst(List<Rule> first) {
        List<Rule> all = new ArrayList<>(first);
        all.addAll(rules);
        return new ApiAccessPolicy(all);
    }

    /** The rules in the order they are checked. */
    public List<Rule> rules() {
        return rules;
    }

    /** The rule deciding a request, if any does (none: ADMIN only). */
    public Optional<Rule> ruleFor(HttpMethod method, String path) {
        return rules.stream().filter(rule -> rule.matches(method, path)).findFirst();
    }

    /** Whether a user with these roles may call the endpoint. */
    public boolean admits(HttpMethod method, String path, Set<Role> roles) {
        return ruleFor(method, path).map(rule -> rule.admits(roles)).orElse(roles.contains(Role.ADMIN));
    }

    /** Builds a policy rule by rule. */
    public static final class Builder {
        private final List<Rule> rules = new ArrayList<>();

        private Builder() {}

        /** The endpoint needs no token (e.g. a public form); it is still audited and rate-limited. */
        public Builder open(HttpMethod method, String pattern) {
            validate(pattern);
            rules.add(new Rule(method, pattern, Set.of(), true));
            return this;
        }

        /** Only these roles (and ADMIN) reach the endpoint. */
        public Builder allow(HttpMethod method, String pattern, Role... roles) {
            validate(pattern);
            if (roles.length == 0) {
                throw new IllegalArgumentException("name at least one role for " + method + " " + pattern);
            }
            rules.add(new Rule(method, pattern, EnumSet.copyOf(Arrays.asList(roles)), false));
            return this;
        }

        /** Only these roles (and ADMIN) reach the endpoint, with any method. */
        public Builder allowAnyMethod(String pattern, Role... roles) {
            validate(pattern);
            rules.add(new Rule(null, pattern, EnumSet.copyOf(Arrays.asList(roles)), false));
            return this;
        }

        public ApiAccessPolicy build() {
            return new ApiAccessPolicy(rules);
        }

        private static PathPattern validate(String pattern) {
            return PARSER.parse(pattern);
        }
    }
}
