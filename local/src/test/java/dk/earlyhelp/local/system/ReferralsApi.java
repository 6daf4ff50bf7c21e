package dk.earlyhelp.local.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Submits a referral through the gateway's API, as a municipal case system would. */
final class ReferralsApi {

    private ReferralsApi() {
    }

    /** Submits a synthetic referral to Powerkids and returns its id. */
    static String submit(String portal, String token, String firstName, String lastName, String birthDate,
            String gender) throws Exception {
        return create(portal, token, """
                {"child": {"firstName": "%s", "lastName": "%s", "birthDate": "%s", "gender": "%s"},
                 "custodyHolders": [{"name": "Hanne Test", "relation": "MOTHER", "phone": "+45 20304050"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"],
                 "childView": {"whatIsHard": "Mor og far skændes", "wishes": "At nogen lytter"},
                 "confirmDuplicate": true}
                """.formatted(firstName, lastName, birthDate, gender)).get("id").asText();
    }

    /** Creates and submits the referral in the given JSON and returns it as the service answered. */
    static JsonNode create(String portal, String token, String json) throws Exception {
        HttpResponse<String> created = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(portal + "/api/referrals"))
                .header("Authorization", "Bearer " + token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)).build(), HttpResponse.BodyHandlers.ofString());
        if (created.statusCode() != 201) {
            throw new AssertionError("Referral not created: " + created.statusCode() + " " + created.body());
        }
        return new ObjectMapper().readTree(created.body());
    }

    /** The referral as its referrer reads it. */
    static JsonNode get(String portal, String token, String id) throws Exception {
        HttpResponse<String> referral = HttpClient.newHttpClient().send(HttpRequest
                .newBuilder(URI.create(portal + "/api/referrals/" + id))
                .header("Authorization", "Bearer " + token).GET().build(), HttpResponse.BodyHandlers.ofString());
        return new ObjectMapper().readTree(referral.body());
    }
}
