package dk.earlyhelp.referrals.offer;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.UUID;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * Offers from {@code catalog.json} as the NGO service publishes them, sent through the real broker
 * once per test run; each payload is checked against the NGO service's contract first.
 */
public final class TestCatalogue {

    static final List<String> PUBLISHED = List.of(
            """
            {"interventionCode": "POWERKIDS", "name": "Powerkids", "ngoCode": "URK_AAR",
             "ngoName": "Ungdommens Røde Kors Aarhus", "municipalities": ["0751"], "model": "B2_PARTNERSHIP_DELIVERY",
             "types": ["GROUP"], "targetGroup": {"ageMin": 9, "ageMax": 13, "concerns": ["PARENTAL_DIVORCE"]},
             "format": {"kind": "GROUP_COURSE", "sessions": 8, "sessionEveryDays": 7, "groupSizeMax": 8,
                        "note": "Eight weekly group conversations"},
             "deliveredBy": "BOTH", "progressSharing": {"0751": "PROGRESS_WITH_CONSENT"},
             "occurredAt": "2026-11-01T08:00:00Z"}""",
            """
            {"interventionCode": "CYKELHJELM", "name": "Når cykelhjelm ikke er nok", "ngoCode": "SIND_PR",
             "ngoName": "SIND Pårørenderådgivning", "municipalities": ["0751", "0779", "0791", "0657"],
             "model": "B3_PARTNERSHIP_FULL", "types": ["INDIVIDUAL", "GROUP", "FAMILY"],
             "targetGroup": {"ageMin": 0, "ageMax": 17, "concerns": ["RELATIVE_MENTAL_ILLNESS"]},
             "format": {"kind": "COUNSELLING", "maxSessions": 8}, "deliveredBy": "MUNICIPAL_STAFF",
             "occurredAt": "2026-11-01T08:00:00Z"}""",
            """
            {"interventionCode": "STROEM", "name": "STRØM", "ngoCode": "URK_KBH", "ngoName": "Ungdommens Røde Kors København",
             "municipalities": ["0101"], "model": "A_FUNCTIONAL_SPLIT", "types": ["INDIVIDUAL", "GROUP"],
             "targetGroup": {"ageMin": 6, "ageMax": 16,
                             "concerns": ["LACKS_ADULT_CONTACT", "LACKS_NETWORK", "GENERAL_DISTRESS"],
                             "excludesSection52": true},
             "format": {"kind": "MENTORING", "durationWeeks": 52, "meetingsPerMonthMin": 3, "meetingHours": 2},
             "deliveredBy": "NGO", "occurredAt": "2026-11-01T08:00:00Z"}""",
            """
            {"interventionCode": "NEFOS_SUICIDE", "name": "Tidlig opsporing og forebyggelse af mistrivsel når nære familiemedlemmer har selvmordsadfærd",
             "ngoCode": "NEFOS", "ngoName": "NEFOS", "municipalities": ["0461", "0410"], "model": "B1_PARTNERSHIP_RECRUITMENT",
             "types": ["INDIVIDUAL", "GROUP", "FAMILY"],
             "targetGroup": {"ageMin": 3, "ageMax": 19, "concerns": ["RELATIVE_SUICIDAL_BEHAVIOUR"],
                             "excludes": ["OWN_SUICIDE_ATTEMPT", "INTENSE_SUICIDAL_THOUGHTS_OR_PLANS"],
                             "excludedReferTo": "Child and adolescent psychiatry or the municipality at once"},
             "format": {"kind": "COUNSELLING"}, "deliveredBy": "NGO",
             "progressSharing": {"0461": "AGGREGATES_ONLY", "0410": "PROGRESS_WITH_CONSENT"},
             "occurredAt": "2026-11-01T08:00:00Z"}""");

    static final String POWERKIDS_AVAILABILITY = """
            {"interventionCode": "POWERKIDS", "places": 24, "occupied": 20, "waiting": 1, "freePlaces": 3,
             "expectedStart": "2026-12-09", "occurredAt": "2026-11-02T08:00:00Z"}""";

    private static boolean published;

    private TestCatalogue() {
    }

    /** Publishes the catalogue (once per run) and waits until the service's read model has it. */
    public static synchronized void publish(Api api) {
        if (!published) {
            PUBLISHED.forEach(json -> send("ngo.intervention-published.v1", json));
            send("ngo.availability-changed.v1", POWERKIDS_AVAILABILITY);
            published = true;
        }
        String teacher = TestTokens.municipalStaff("catalogue-check", "0751");
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            var offers = Api.body(api.get("/api/referrals/offers", teacher), 200);
            return offers.size() == 2 && offers.findValues("availability").stream().anyMatch(node -> !node.isNull());
        });
    }

    static void send(String type, String json) {
        Contracts.assertMatchesSchema("ngo-service", type, json);
        String code = Contracts.parse(json).get("interventionCode").asText();
        EventProbe.publishEvent("ngo.events", type, UUID.randomUUID().toString(), code, json);
    }
}
