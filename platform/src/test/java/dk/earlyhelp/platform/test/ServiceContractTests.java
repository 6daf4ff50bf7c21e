package dk.earlyhelp.platform.test;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.Array;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.authentication.AuthenticationCredentialsNotFoundException;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.util.ClassUtils;

import com.nimbusds.jwt.JWTClaimsSet;

import dk.earlyhelp.platform.security.CallerAuthenticationConverter;
import dk.earlyhelp.platform.security.SystemWork;

/**
 * What every service promises the platform, inherited by each service's {@code XxxServiceTests}
 * (annotated {@code @SpringBootTest(webEnvironment = RANDOM_PORT)}): ready with its store on the
 * real infrastructure, Prometheus metrics, and an API that needs a token meant for it.
 */
public abstract class ServiceContractTests {

    @LocalServerPort
    protected int port;

    @Autowired
    private ApplicationContext context;

    /** A path of the service's API that must refuse anonymous callers. */
    protected abstract String protectedPath();

    @Test
    void isReadyWithItsStore() throws Exception {
        ServiceChecks.assertReadyWithStore(port);
    }

    @Test
    void exposesPrometheusMetrics() throws Exception {
        ServiceChecks.assertPrometheusMetrics(port);
    }

    @Test
    void answers401ProblemDetailsWithoutToken() throws Exception {
        ServiceChecks.assertApiNeedsToken(port, protectedPath());
    }

    /** The service checks the token itself, not trusting the gateway: a token meant for others is refused. */
    @ParameterizedTest(name = "{0}")
    @MethodSource("tokensMeantForOthers")
    void refusesTokensOfAnotherIssuerOrAudience(String attack, Consumer<JWTClaimsSet.Builder> change) throws Exception {
        Map<String, Object> teacher = Map.of("roles", List.of("MUNICIPAL_STAFF"), "org_type", "MUNICIPALITY",
                "org", "0751");
        assertThat(ServiceChecks.get(port, protectedPath(), TestTokens.issue("t-1", teacher)).statusCode())
                .as("the same token as issued for the API").isNotEqualTo(401);

        HttpResponse<String> refused = ServiceChecks.get(port, protectedPath(), TestTokens.issue("t-1", teacher, change));

        assertThat(refused.statusCode()).as(attack).isEqualTo(401);
        assertThat(refused.headers().firstValue("Content-Type")).hasValue("application/problem+json");
    }

    static Stream<Arguments> tokensMeantForOthers() {
        return Stream.of(
                Arguments.of("wrong issuer", (Consumer<JWTClaimsSet.Builder>) b -> b.issuer("http://evil-issuer")),
                Arguments.of("no issuer", (Consumer<JWTClaimsSet.Builder>) b -> b.issuer(null)),
                Arguments.of("another audience", (Consumer<JWTClaimsSet.Builder>) b -> b.audience("another-api")),
                Arguments.of("no audience", (Consumer<JWTClaimsSet.Builder>) b -> b.audience((String) null)));
    }

    /**
     * What only other services' events may do ({@code hasRole('SYSTEM')}, reached through
     * {@link SystemWork}) refuses every person, even an administrator whose token claims the role,
     * and anyone unauthenticated. Method security runs before the body, so no arguments are needed.
     */
    @Test
    void eventOnlyUseCasesRefuseEveryPerson() {
        List<Runnable> calls = eventOnlyUseCases();
        assertThat(calls).as("use cases reached from the service's listeners").isNotEmpty();
        Jwt adminClaimingSystem = Jwt.withTokenValue("t").header("alg", "RS256").subject("admin-1")
                .claim("roles", List.of("ADMIN", SystemWork.ROLE)).claim("org_type", "PLATFORM")
                .claim("org", "PLATFORM").build();
        try {
            for (Runnable call : calls) {
                SecurityContextHolder.clearContext();
                assertThatThrownBy(call::run).isInstanceOf(AuthenticationCredentialsNotFoundException.class);
                SecurityContextHolder.getContext()
                        .setAuthentication(new CallerAuthenticationConverter().convert(adminClaimingSystem));
                assertThatThrownBy(call::run).isInstanceOf(AccessDeniedException.class);
            }
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private List<Runnable> eventOnlyUseCases() {
        List<Runnable> calls = new ArrayList<>();
        for (String name : context.getBeanDefinitionNames()) {
            Class<?> type = context.getType(name);
            if (type == null || !ClassUtils.getUserClass(type).getPackageName().startsWith("dk.earlyhelp")) {
                continue;
            }
            for (Method method : ClassUtils.getUserClass(type).getMethods()) {
                PreAuthorize rule = method.getAnnotation(PreAuthorize.class);
                if (rule != null && rule.value().contains("'" + SystemWork.ROLE + "'")) {
                    calls.add(() -> invokeWithoutArguments(context.getBean(name), method));
                }
            }
        }
        return calls;
    }

    private static void invokeWithoutArguments(Object bean, Method method) {
        Object[] arguments = new Object[method.getParameterCount()]; // the default of each type
        Class<?>[] types = method.getParameterTypes();
        for (int i = 0; i < types.length; i++) {
            arguments[i] = types[i].isPrimitive() ? Array.get(Array.newInstance(types[i], 1), 0) : null;
        }
        try {
            method.invoke(bean, arguments);
        } catch (InvocationTargetException refused) {
            throw refused.getCause() instanceof RuntimeException runtime ? runtime : new IllegalStateException(refused);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
