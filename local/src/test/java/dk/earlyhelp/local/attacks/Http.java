package dk.earlyhelp.local.attacks;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Plain HTTP calls with a bearer token, answering status, media type and body. */
final class Http {

    static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;

    Http(String base) {
        this.base = base;
    }

    Answer send(String method, String path, String token, String contentType, String body) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30))
                .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(body));
        if (token != null) {
            request.header("Authorization", "Bearer " + token);
        }
        if (body != null) {
            request.header("Content-Type", contentType);
        }
        try {
            HttpResponse<String> response = client.send(request.build(), HttpResponse.BodyHandlers.ofString());
            return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                    response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * As {@link #send}, but a 429 from the gateway's rate limit is sent again once the limit allows
     * (many principals attack at once from one address; the limit itself is tested elsewhere).
     */
    Answer sendWithinRateLimit(String method, String path, String token, String contentType, String body) {
        Answer[] last = new Answer[1];
        await().atMost(Duration.ofSeconds(30)).pollDelay(Duration.ZERO).pollInterval(Duration.ofMillis(250))
                .until(() -> (last[0] = send(method, path, token, contentType, body)).status() != 429);
        return last[0];
    }

    Answer get(String path, String token) {
        return send("GET", path, token, null, null);
    }

    Answer postJson(String path, String token, String json) {
        return send("POST", path, token, "application/json", json);
    }

    /** A JSON answer with the expected status, or an assertion error that shows what came instead. */
    JsonNode json(Answer answer, int expected) {
        if (answer.status() != expected) {
            throw new AssertionError("Expected " + expected + " but got " + answer);
        }
        try {
            return JSON.readTree(answer.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    record Answer(int status, String contentType, String body) {

        boolean isProblem() {
            return contentType.startsWith("application/problem+json");
        }

        @Override
        public String toString() {
            return status + " " + contentType + " " + (body.length() > 300 ? body.substring(0, 300) + "…" : body);
        }
    }
}
