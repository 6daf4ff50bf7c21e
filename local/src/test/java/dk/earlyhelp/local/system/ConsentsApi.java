package dk.earlyhelp.local.system;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/** Records consent through the gateway's API, as a referrer does with a consent signed on paper. */
final class ConsentsApi {

    static final ObjectMapper JSON = new ObjectMapper();

    private ConsentsApi() {
    }

    /**
     * Records the one custody holder's consent, signed on paper, for the referral's NGO; the
     * consent becomes ACTIVE at once. The grant request carries {@code traceparent} if given.
     *
     * @return the consent's id
     */
    static String recordOnPaper(String portal, String token, JsonNode referral, String ngo, String categories,
            String traceparent) throws Exception {
        return recordOnPaper(portal, token, referral, ngo, "\"REFERRAL_AND_DELIVERY\", \"PROGRESS_TO_REFERRER\"",
                categories, traceparent);
    }

    /** As above, for the given purposes (e.g. with OUTCOME_MEASUREMENT, so the NGO may collect answers). */
    static String recordOnPaper(String portal, String token, JsonNode referral, String ngo, String purposes,
            String categories, String traceparent) throws Exception {
        String body = """
                {"childId": "%s", "referralId": "%s", "grantees": ["%s"], "interventionCode": "%s",
                 "purposes": [%s], "categories": [%s],
                 "validFrom": "%s", "validUntil": "%s", "custodyHoldersRequired": 1, "textVersion": "EH-SAMTYKKE-2026-11"}"""
                .formatted(referral.at("/child/id").asText(), referral.get("id").asText(), ngo,
                        referral.get("interventionCode").asText(), purposes, categories, LocalDate.now(),
                        LocalDate.now().plusMonths(6));
        JsonNode consent = JSON.readTree(send(portal + "/api/consents", token, body, null, 201));
        String id = consent.get("id").asText();
        send(portal + "/api/consents/" + id + "/grantors", token,
                "{\"role\": \"CUSTODY_HOLDER\", \"method\": \"SIGNED_PAPER\"}", traceparent, 200);
        return id;
    }

    static void withdraw(String portal, String token, String consentId) throws Exception {
        send(portal + "/api/consents/" + consentId + "/withdraw", token, "", null, 200);
    }

    private static String send(String url, String token, String body, String traceparent, int expected)
            throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url))
                .header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (traceparent != null) {
            request.header("traceparent", traceparent);
        }
        HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
                HttpResponse.BodyHandlers.ofString());
        if (response.statusCode() != expected) {
            throw new AssertionError(url + " answered " + response.statusCode() + ": " + response.body());
        }
        return response.body();
    }
}
