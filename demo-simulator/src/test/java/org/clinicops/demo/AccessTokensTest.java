package org.clinicops.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.clinicops.demo.AccessTokens.TokenEndpoint.Answer;
import org.junit.jupiter.api.Test;

class AccessTokensTest {

    private final List<String> requests = new ArrayList<>();
    private final MutableClock clock = new MutableClock();
    private int issued;

    private final AccessTokens.TokenEndpoint endpoint = (basic, form) -> {
        requests.add(new String(Base64.getDecoder().decode(basic), StandardCharsets.UTF_8) + " " + form);
        issued++;
        return new Answer(200, """
                {"access_token":"token-%d","token_type":"Bearer","expires_in":300}""".formatted(issued));
    };

    private final AccessTokens tokens = new AccessTokens.ClientCredentials(endpoint, "clinic-demo", "s3cret", clock);

    @Test
    void asksForAClientCredentialsTokenWithBasicAuthenticationOnFirstUse() {
        assertThat(tokens.current()).isEqualTo("token-1");
        assertThat(requests).containsExactly("clinic-demo:s3cret grant_type=client_credentials");
    }

    @Test
    void reusesTheTokenUntilShortlyBeforeItExpires() {
        tokens.current();
        clock.advance(Duration.ofSeconds(269));
        assertThat(tokens.current()).isEqualTo("token-1");

        clock.advance(Duration.ofSeconds(2)); // 29 s left: within the margin
        assertThat(tokens.current()).isEqualTo("token-2");
        assertThat(requests).hasSize(2);
    }

    @Test
    void renewsARejectedTokenOnceEvenWhenSeveralCallsWereRejected() {
        String rejected = tokens.current();

        assertThat(tokens.renew(rejected)).isEqualTo("token-2");
        assertThat(tokens.renew(rejected)).isEqualTo("token-2");
        assertThat(tokens.current()).isEqualTo("token-2");
        assertThat(requests).hasSize(2);
    }

    @Test
    void namesTheOAuthErrorWhenTheSecretIsWrong() {
        AccessTokens refused = new AccessTokens.ClientCredentials(
                (basic, form) -> new Answer(401, "{\"error\":\"invalid_client\"}"), "clinic-demo", "wrong", clock);

        assertThatThrownBy(refused::current)
                .hasMessageContaining("HTTP 401 invalid_client")
                .hasMessageNotContaining("wrong");
    }

    @Test
    void aPhysicianSignsInOnFirstUseAndAgainShortlyBeforeHerTokenExpires() {
        List<String> signIns = new ArrayList<>();
        AccessTokens physician = new AccessTokens.SignedInUser(
                (username, password) -> {
                    signIns.add(username + ":" + password);
                    return new Answer(200, """
                            {"access_token":"physician-%d","expires_in":3600}""".formatted(signIns.size()));
                },
                "clinician-bos",
                "pw",
                clock);

        assertThat(physician.current()).isEqualTo("physician-1");
        clock.advance(Duration.ofMinutes(59));
        assertThat(physician.current()).as("cached").isEqualTo("physician-1");
        clock.advance(Duration.ofSeconds(31)); // 29 s left: within the margin
        assertThat(physician.current()).isEqualTo("physician-2");
        assertThat(physician.renew("physician-1")).as("renewed already").isEqualTo("physician-2");
        assertThat(physician.renew("physician-2")).isEqualTo("physician-3");
        assertThat(signIns).containsOnly("clinician-bos:pw").hasSize(3);
    }

    @Test
    void aRefusedSignInNamesTheUserButNotThePassword() {
        AccessTokens physician = new AccessTokens.SignedInUser(
                (username, password) -> new Answer(401, "{\"error\":\"invalid_grant\"}"),
                "clinician-sea",
                "secret-pw",
                clock);

        assertThatThrownBy(physician::current)
                .hasMessageContaining("user clinician-sea: HTTP 401 invalid_grant")
                .hasMessageNotContaining("secret-pw");
        assertThat(physician.toString()).doesNotContain("secret-pw");
    }

    @Test
    void aFixedTokenIsSentAsItIs() {
        AccessTokens fixed = AccessTokens.fixed("given");

        assertThat(fixed.current()).isEqualTo("given");
        assertThat(fixed.renew("given")).isEqualTo("given");
        assertThat(AccessTokens.none().current()).isNull();
    }

    static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2025-03-01T09:00:00Z");

        void advance(Duration duration) {
            now = now.plus(duration);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
