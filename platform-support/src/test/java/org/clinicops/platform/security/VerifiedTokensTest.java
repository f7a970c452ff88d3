package org.clinicops.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;

class VerifiedTokensTest {

    private static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");

    private final List<String> checked = new ArrayList<>();
    private Instant now = NOW;
    private final InstantSource clock = () -> now;

    private JwtDecoder decoder(Instant expiresAt) {
        return token -> {
            checked.add(token);
            if (token.startsWith("bad")) {
                throw new BadJwtException("signature does not match");
            }
            return Jwt.withTokenValue(token)
                    .header("alg", "RS256")
                    .subject("nurse")
                    .issuedAt(NOW.minusSeconds(60))
                    .expiresAt(expiresAt)
                    .build();
        };
    }

    @Test
    void aVerifiedTokenIsCheckedOnceUntilItExpires() {
        VerifiedTokens tokens = new VerifiedTokens(decoder(NOW.plus(Duration.ofMinutes(5))), clock);

        Jwt first = tokens.decode("token-a");
        Jwt again = tokens.decode("token-a");
        tokens.decode("token-b");

        assertThat(again).isSameAs(first);
        assertThat(checked).containsExactly("token-a", "token-b");
    }

    @Test
    void anExpiredTokenGoesBackToTheDecoder() {
        VerifiedTokens tokens = new VerifiedTokens(decoder(NOW.plus(Duration.ofMinutes(5))), clock);
        tokens.decode("token-a");

        now = NOW.plus(Duration.ofMinutes(5));
        tokens.decode("token-a");

        assertThat(checked).containsExactly("token-a", "token-a");
    }

    @Test
    void aRefusedTokenIsRefusedEveryTimeAndNeverRemembered() {
        VerifiedTokens tokens = new VerifiedTokens(decoder(NOW.plus(Duration.ofMinutes(5))), clock);

        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);
        assertThatThrownBy(() -> tokens.decode("bad-token")).isInstanceOf(BadJwtException.class);

        assertThat(checked).containsExactly("bad-token", "bad-token");
    }

    @Test
    void staysBoundedWhenManyCallersSignIn() {
        VerifiedTokens tokens = new VerifiedTokens(decoder(NOW.plus(Duration.ofMinutes(5))), clock);
        for (int i = 0; i <= VerifiedTokens.MAX_TOKENS; i++) {
            tokens.decode("token-" + i);
        }
        checked.clear();

        tokens.decode("token-" + VerifiedTokens.MAX_TOKENS);
        tokens.decode("token-0");

        assertThat(checked).containsExactly("token-0");
    }
}
