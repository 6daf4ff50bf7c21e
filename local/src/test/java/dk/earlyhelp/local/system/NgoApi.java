package dk.earlyhelp.local.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

/** The NGO coordinator's API calls through the gateway, for journeys that start from a decision already made. */
final class NgoApi {

    private NgoApi() {
    }

    /** Posts JSON and answers the status code; failures to reach the gateway count as 0. */
    static int post(String portal, String token, String path, String json) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(portal + path))
                    .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode();
        } catch (Exception e) {
            return 0;
        }
    }
}
