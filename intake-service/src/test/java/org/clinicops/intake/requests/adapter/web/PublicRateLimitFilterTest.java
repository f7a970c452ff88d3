package org.clinicops.intake.requests.adapter.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.context.SecurityContextHolder;

class PublicRateLimitFilterTest {

    @AfterEach
    void signOut() {
        SecurityContextHolder.clearContext();
    }

    static PublicRateLimitFilter filter(int capacity, List<String> trustedProxies) {
        return new PublicRateLimitFilter(
                new PublicRateLimitProperties(true, capacity, Duration.ofMinutes(1), 1000, trustedProxies));
    }

    static MockHttpServletRequest request(String remote, String forwardedFor) {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/api/consultation-requests");
        request.setRemoteAddr(remote);
        if (forwardedFor != null) {
            request.addHeader("X-Forwarded-For", forwardedFor);
        }
        return request;
    }

    static int status(PublicRateLimitFilter filter, MockHttpServletRequest request) throws Exception {
        MockHttpServletResponse response = new MockHttpServletResponse();
        filter.doFilter(request, response, new MockFilterChain());
        return response.getStatus();
    }

    @Test
    void ignoresForwardedForFromAnUntrustedPeer() {
        assertThat(filter(1, List.of()).clientAddress(request("198.51.100.1", "203.0.113.9")))
                .isEqualTo("198.51.100.1");
    }

    @Test
    void behindATrustedProxyLimitsTheNearestUntrustedAddressOfForwardedFor() {
        PublicRateLimitFilter filter = filter(1, List.of("10.0.0.2", "10.0.0.3"));

        assertThat(filter.clientAddress(request("10.0.0.2", "192.0.2.1, 203.0.113.9, 10.0.0.3")))
                .as("the client could have forged 192.0.2.1; the proxy wrote 203.0.113.9")
                .isEqualTo("203.0.113.9");
        assertThat(filter.clientAddress(request("10.0.0.2", null))).isEqualTo("10.0.0.2");
    }

    @Test
    void eachAddressHasItsOwnBucket() throws Exception {
        PublicRateLimitFilter filter = filter(2, List.of());

        assertThat(status(filter, request("198.51.100.1", null))).isEqualTo(200);
        assertThat(status(filter, request("198.51.100.1", null))).isEqualTo(200);
        assertThat(status(filter, request("198.51.100.1", null))).isEqualTo(429);
        assertThat(status(filter, request("198.51.100.2", null))).isEqualTo(200);
    }

    @Test
    void otherEndpointsAndMethodsAreNotLimited() throws Exception {
        PublicRateLimitFilter filter = filter(1, List.of());
        MockHttpServletRequest list = new MockHttpServletRequest("GET", "/api/consultation-requests");
        list.setRemoteAddr("198.51.100.1");

        status(filter, request("198.51.100.1", null));
        assertThat(status(filter, list)).isEqualTo(200);
        MockHttpServletRequest screening =
                new MockHttpServletRequest("POST", "/api/consultation-requests/req_1/screening");
        screening.setRemoteAddr("198.51.100.1");
        assertThat(status(filter, screening)).isEqualTo(200);
    }

    @Test
    void anEncodedOrUnnormalisedPathToTheFormSharesTheSameBucket() throws Exception {
        PublicRateLimitFilter filter = filter(1, List.of());
        assertThat(status(filter, request("198.51.100.9", null))).isEqualTo(200);

        for (String variant : List.of(
                "/api/consultation%2Drequests",
                "/api/consultation%2drequests",
                "/api/%63onsultation-requests",
                "//api/consultation-requests",
                "/api//consultation-requests",
                "/api/consultation-requests/",
                "/api/consultation-requests;jsessionid=0A1B2C",
                "/api;x=1/consultation-requests",
                "/API/Consultation-Requests")) {
            MockHttpServletRequest request = new MockHttpServletRequest("POST", variant);
            request.setRemoteAddr("198.51.100.9");
            assertThat(PublicRateLimitFilter.isPublicForm(request)).as(variant).isTrue();
            assertThat(status(filter, request)).as(variant).isEqualTo(429);
        }
    }

    @Test
    void aContextPathIsNotPartOfTheFormsPath() {
        MockHttpServletRequest request = new MockHttpServletRequest("POST", "/intake/api/consultation%2Drequests");
        request.setContextPath("/intake");

        assertThat(PublicRateLimitFilter.isPublicForm(request)).isTrue();
        assertThat(PublicRateLimitFilter.isPublicForm(
                        new MockHttpServletRequest("POST", "/api/consultation-requests/req_1/withdraw")))
                .isFalse();
        assertThat(PublicRateLimitFilter.isPublicForm(
                        new MockHttpServletRequest("POST", "/api/consultation-requestsx")))
                .isFalse();
    }
}
