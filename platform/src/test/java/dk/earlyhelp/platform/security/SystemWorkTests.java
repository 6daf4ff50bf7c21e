package dk.earlyhelp.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;

class SystemWorkTests {

    @AfterEach
    void clear() {
        SecurityContextHolder.clearContext();
    }

    @Test
    void aListenerHandlesEachMessageAsThePlatformAndLeavesNoCallerBehind() {
        AtomicReference<Caller> during = new AtomicReference<>();

        SystemWork.<String>listener("listener:ngoEvents", message -> during.set(CurrentCaller.get())).accept("event");

        assertThat(during.get()).isEqualTo(Caller.system("listener:ngoEvents"));
        assertThat(during.get().hasRole(SystemWork.ROLE)).isTrue();
        assertThat(SecurityContextHolder.getContext().getAuthentication()).isNull();
        assertThatThrownBy(CurrentCaller::get).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void theCallersOwnContextIsRestoredAlsoWhenTheWorkFails() {
        Jwt teacher = token(List.of("MUNICIPAL_STAFF"));
        SecurityContextHolder.getContext().setAuthentication(new CallerAuthenticationConverter().convert(teacher));

        assertThatThrownBy(() -> SystemWork.run("job:expiry", () -> {
            throw new IllegalArgumentException("bad event");
        })).hasMessage("bad event");

        assertThat(CurrentCaller.get().roles()).containsExactly("MUNICIPAL_STAFF");
    }

    @Test
    void noTokenGrantsTheSystemRoleWhateverItClaims() {
        Jwt claimsSystem = token(List.of("ADMIN", SystemWork.ROLE));

        assertThat(Caller.from(claimsSystem).roles()).containsExactly("ADMIN");
        assertThat(new CallerAuthenticationConverter().convert(claimsSystem).getAuthorities())
                .extracting(GrantedAuthority::getAuthority).containsExactly("ROLE_ADMIN");
    }

    private static Jwt token(List<String> roles) {
        return Jwt.withTokenValue("t").header("alg", "RS256").subject("user-1").claim(Caller.ROLES, roles)
                .claim(Caller.ORGANISATION_TYPE, "PLATFORM").claim(Caller.ORGANISATION, "PLATFORM").build();
    }
}
