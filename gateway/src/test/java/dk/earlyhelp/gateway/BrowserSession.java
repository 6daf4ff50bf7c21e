package dk.earlyhelp.gateway;

import java.io.ByteArrayInputStream;
import java.net.CookieManager;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A cookie-keeping HTTP client that follows redirects like a browser, for the login flow in tests. */
final class BrowserSession {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    private final HttpClient http = HttpClient.newBuilder().cookieHandler(new CookieManager())
            .followRedirects(HttpClient.Redirect.NORMAL).build();
    private final String base;

    BrowserSession(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** As {@link #get}, with the body as sent (a download, byte order mark included). */
    HttpResponse<byte[]> download(String path) throws Exception {
        return http.send(HttpRequest.newBuilder(URI.create(base + path)).GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
    }

    /** Submits the form on the given page with its CSRF token and the given fields. */
    HttpResponse<String> submit(HttpResponse<String> page, String action, String... fields) throws Exception {
        return submit(page, action, false, fields);
    }

    /** As {@link #submit}, with the body sent in chunks (no declared length), as few browsers do. */
    HttpResponse<String> submitChunked(HttpResponse<String> page, String action, String... fields) throws Exception {
        return submit(page, action, true, fields);
    }

    private HttpResponse<String> submit(HttpResponse<String> page, String action, boolean chunked, String... fields)
            throws Exception {
        Matcher csrf = CSRF.matcher(page.body());
        if (!csrf.find()) {
            throw new AssertionError("No CSRF token on " + page.uri() + " (" + page.statusCode() + "): "
                    + page.body().substring(0, Math.min(600, page.body().length())));
        }
        StringBuilder form = new StringBuilder("_csrf=").append(encode(csrf.group(1)));
        for (int i = 0; i < fields.length; i += 2) {
            form.append('&').append(encode(fields[i])).append('=').append(encode(fields[i + 1]));
        }
        byte[] body = form.toString().getBytes(StandardCharsets.UTF_8);
        return http.send(HttpRequest.newBuilder(URI.create(base + action))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(chunked ? HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body))
                        : HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Opens the portal, is sent to the login form, logs in and lands on the portal again. */
    HttpResponse<String> logIn(String username, String password) throws Exception {
        HttpResponse<String> loginPage = get("/");
        return submit(loginPage, "/login", "username", username, "password", password);
    }

    private static String encode(String value) {
        return URLEncoder.encode(value, StandardCharsets.UTF_8);
    }
}
