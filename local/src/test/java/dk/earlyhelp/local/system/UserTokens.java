package dk.earlyhelp.local.system;

import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Gets a demo user's access token the way an API client acting for a user does: the authorization
 * code flow with PKCE at the gateway, logging in on its form, then the token endpoint.
 */
public final class UserTokens {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");
    private static final Pattern CODE = Pattern.compile("[?&]code=([^&]+)");

    private UserTokens() {
    }

    public static String accessToken(String portal, String username) throws Exception {
        HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
                .followRedirects(HttpClient.Redirect.NEVER).build();
        String verifier = Base64.getUrlEncoder().withoutPadding().encodeToString(new SecureRandom().generateSeed(32));
        String challenge = Base64.getUrlEncoder().withoutPadding().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(verifier.getBytes(StandardCharsets.US_ASCII)));
        String redirect = portal + "/login/oauth2/code/portal";
        String authorize = portal + "/oauth2/authorize?response_type=code&client_id=portal&scope=openid&state=s"
                + "&redirect_uri=" + encode(redirect) + "&code_challenge=" + challenge + "&code_challenge_method=S256";

        send(http, get(authorize));
        HttpResponse<String> loginForm = send(http, get(portal + "/login"));
        Matcher csrf = CSRF.matcher(loginForm.body());
        if (!csrf.find()) {
            throw new AssertionError("No login form at " + portal + "/login");
        }
        send(http, post(portal + "/login", "username=" + encode(username) + "&password=demo&_csrf="
                + encode(csrf.group(1)), null));
        HttpResponse<String> withCode = send(http, get(authorize));
        Matcher code = CODE.matcher(withCode.headers().firstValue("Location").orElse(""));
        if (!code.find()) {
            throw new AssertionError("No authorization code for " + username + ": " + withCode.headers().map());
        }
        HttpResponse<String> token = send(http, post(portal + "/oauth2/token", "grant_type=authorization_code&code="
                + code.group(1) + "&redirect_uri=" + encode(redirect) + "&code_verifier=" + verifier,
                "Basic " + Base64.getEncoder().encodeToString("portal:portal-secret".getBytes(StandardCharsets.UTF_8))));
        return new ObjectMapper().readTree(token.body()).get("access_token").asText();
    }

    public static String clientToken(String portal, String clientId, String secret) throws Exception {
        HttpResponse<String> token = send(HttpClient.newHttpClient(), post(portal + "/oauth2/token",
                "grant_type=client_credentials", "Basic " + Base64.getEncoder()
                        .encodeToString((clientId + ":" + secret).getBytes(StandardCharsets.UTF_8))));
        return new ObjectMapper().readTree(token.body()).get("access_token").asText();
    }

    private static HttpRequest get(String url) {
        return HttpRequest.newBuilder(URI.create(url)).GET().build();
    }

    private static HttpRequest post(String url, String form, String authorization) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form));
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return request.build();
    }

    private static HttpResponse<String> send(HttpClient http, HttpRequest request) throws Exception {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
