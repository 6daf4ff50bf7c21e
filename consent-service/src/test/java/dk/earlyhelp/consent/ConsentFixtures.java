package dk.earlyhelp.consent;

import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/** Consents as Aarhus's caseworker records them through the API, for tests outside the consent package. */
public final class ConsentFixtures {

    public static final String CASEWORKER = TestTokens.municipalStaff("caseworker-aarhus", "0751");
    public static final String POWERKIDS = TestTokens.ngoCoordinator("coordinator-powerkids", "URK_AAR");
    /** Aarhus's administrator (the data protection officer's view). */
    public static final String AARHUS_ADMIN = TestTokens.issue("dpo-aarhus", java.util.Map.of("roles",
            java.util.List.of("ADMIN"), "org_type", "MUNICIPALITY", "org", "0751"));

    private ConsentFixtures() {
    }

    /** A draft for Powerkids (URK_AAR) that needs {@code custodyHolders} custody holders; returns its id. */
    public static String draft(Api api, String childId, LocalDate from, LocalDate until, int custodyHolders)
            throws Exception {
        return Api.body(api.post("/api/consents", CASEWORKER, """
                {"childId": "%s", "grantees": ["URK_AAR"], "interventionCode": "POWERKIDS",
                 "purposes": ["REFERRAL_AND_DELIVERY"], "categories": ["CONTACT", "CONCERNS"],
                 "validFrom": "%s", "validUntil": "%s",
                 "custodyHoldersRequired": %d, "youngPersonRequired": false, "textVersion": "da-2026-1"}
                """.formatted(childId, from, until, custodyHolders)), 201).get("id").asText();
    }

    /** A consent one custody holder gave; returns its id. */
    public static String active(Api api, String childId, LocalDate from, LocalDate until) throws Exception {
        String id = draft(api, childId, from, until, 1);
        Api.body(api.post("/api/consents/" + id + "/grantors", CASEWORKER,
                "{\"role\": \"CUSTODY_HOLDER\", \"method\": \"SIGNED_PAPER\"}"), 200);
        return id;
    }

    public static JsonNode get(Api api, String id) throws Exception {
        return Api.body(api.get("/api/consents/" + id, CASEWORKER), 200);
    }

    /** Whether Powerkids may receive the child's contact details for the referral now. */
    public static boolean permitted(Api api, String childId) throws Exception {
        return Api.body(api.get("/api/consents/decision?childId=" + childId
                + "&purpose=REFERRAL_AND_DELIVERY&categories=CONTACT", POWERKIDS), 200).get("permitted").asBoolean();
    }
}
