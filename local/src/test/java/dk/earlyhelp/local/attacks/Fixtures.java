package dk.earlyhelp.local.attacks;

import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The objects the attacks aim at, made through the gateway as users make them: an Aarhus child
 * referred by the teacher to Powerkids (URK_AAR) and accepted, a Copenhagen child referred by the
 * caseworker to STRØM (URK_KBH), accepted and matched with the demo mentor {@code frivillig.stroem};
 * each with its consent, the referrer's notification, a volunteer record, and a Powerkids group.
 */
final class Fixtures {

    /** The demo mentor's volunteer record at URK_KBH (login frivillig.stroem). */
    static final String STROEM_MENTOR = "demo-stroem-v01";

    final Side aarhus;
    final Side copenhagen;
    final String powerkidsGroup;

    /** One municipality's child, with the NGO side of it. */
    record Side(String referralId, String childId, String consentId, String notificationId, String volunteerId,
                String partnershipId) {
    }

    private Fixtures(Side aarhus, Side copenhagen, String powerkidsGroup) {
        this.aarhus = aarhus;
        this.copenhagen = copenhagen;
        this.powerkidsGroup = powerkidsGroup;
    }

    static Fixtures create(Http gateway, Callers callers) {
        String teacher = callers.token(Principal.TEACHER_AARHUS);
        String caseworker = callers.token(Principal.CASEWORKER_COPENHAGEN);
        String powerkids = callers.token(Principal.POWERKIDS_COORDINATOR);
        String stroem = callers.token(Principal.STROEM_COORDINATOR);

        JsonNode aarhusReferral = refer(gateway, teacher, """
                {"child": {"firstName": "Ida", "lastName": "Angreb", "birthDate": "2015-05-05", "gender": "GIRL"},
                 "custodyHolders": [{"name": "Else Angreb", "relation": "MOTHER", "phone": "+45 21222324"}],
                 "interventionCode": "POWERKIDS", "concerns": ["PARENTAL_DIVORCE"], "confirmDuplicate": true,
                 "childView": {"whatIsHard": "Mor og far skændes", "wishes": "At nogen lytter"}}""");
        String aarhusConsent = consent(gateway, teacher, aarhusReferral, "URK_AAR");
        decide(gateway, powerkids, aarhusReferral.get("id").asText());

        JsonNode copenhagenReferral = refer(gateway, caseworker, """
                {"child": {"firstName": "Noah", "lastName": "Angreb", "birthDate": "2014-04-04", "gender": "BOY"},
                 "custodyHolders": [{"name": "Lise Angreb", "relation": "MOTHER", "phone": "+45 31323334"}],
                 "interventionCode": "STROEM", "concerns": ["LACKS_ADULT_CONTACT"], "confirmDuplicate": true,
                 "currentSupport": {"specialSupportMeasure": false, "schoolSupport": false},
                 "childView": {"whatIsHard": "Jeg er alene efter skole", "wishes": "En voksen at tale med"}}""");
        String copenhagenConsent = consent(gateway, caseworker, copenhagenReferral, "URK_KBH");
        String copenhagenId = copenhagenReferral.get("id").asText();
        decide(gateway, stroem, copenhagenId);
        gateway.json(gateway.postJson("/api/ngo/inbox/" + copenhagenId + "/match", stroem,
                "{\"volunteerId\": \"" + STROEM_MENTOR + "\"}"), 200);
        gateway.json(gateway.postJson("/api/ngo/inbox/" + copenhagenId + "/family-answer", stroem,
                "{\"volunteerId\": \"" + STROEM_MENTOR + "\", \"answer\": \"ACCEPTED\", \"answeredBy\": \"BOTH\"}"),
                200);

        // Both courses start, so the measurement service has their questionnaires too.
        String aarhusId = aarhusReferral.get("id").asText();
        String group = seat(gateway, powerkids, aarhusId);
        start(gateway, powerkids, aarhusId);
        start(gateway, stroem, copenhagenId);
        awaitQuestionnaires(gateway, powerkids, aarhusId);
        awaitQuestionnaires(gateway, stroem, copenhagenId);
        String powerkidsVolunteer = gateway.json(gateway.get("/api/ngo/volunteers?intervention=POWERKIDS", powerkids),
                200).get(0).get("id").asText();
        return new Fixtures(
                new Side(aarhusId, aarhusReferral.at("/child/id").asText(), aarhusConsent,
                        notification(gateway, teacher), powerkidsVolunteer, "POWERKIDS-0751"),
                new Side(copenhagenId, copenhagenReferral.at("/child/id").asText(), copenhagenConsent,
                        notification(gateway, caseworker), STROEM_MENTOR, "STROEM-0101"),
                group);
    }

    /** Ends the Copenhagen child's course, so the demo mentor is free again for the tests after these. */
    void release(Http gateway, Callers callers) {
        gateway.json(gateway.postJson("/api/ngo/inbox/" + copenhagen.referralId() + "/drop-out",
                callers.token(Principal.STROEM_COORDINATOR),
                "{\"reason\": \"FAMILY_WITHDREW\", \"needsAnotherOffer\": false}"), 200);
    }

    private static JsonNode refer(Http gateway, String token, String json) {
        return gateway.json(gateway.postJson("/api/referrals", token, json), 201);
    }

    /** The custody holder's consent on paper: the NGO may deliver, report progress and measure. */
    private static String consent(Http gateway, String token, JsonNode referral, String ngo) {
        String body = """
                {"childId": "%s", "referralId": "%s", "grantees": ["%s"], "interventionCode": "%s",
                 "purposes": ["REFERRAL_AND_DELIVERY", "PROGRESS_TO_REFERRER", "OUTCOME_MEASUREMENT"],
                 "categories": ["CONCERNS", "CHILD_VIEW"], "validFrom": "%s", "validUntil": "%s",
                 "custodyHoldersRequired": 1, "textVersion": "EH-SAMTYKKE-2026-11"}"""
                .formatted(referral.at("/child/id").asText(), referral.get("id").asText(), ngo,
                        referral.get("interventionCode").asText(), LocalDate.now(), LocalDate.now().plusMonths(6));
        String id = gateway.json(gateway.postJson("/api/consents", token, body), 201).get("id").asText();
        gateway.json(gateway.postJson("/api/consents/" + id + "/grantors", token,
                "{\"role\": \"CUSTODY_HOLDER\", \"method\": \"SIGNED_PAPER\"}"), 200);
        return id;
    }

    /**
     * Gives the child a seat in a Powerkids group that the demo volunteer {@code frivillig.powerkids}
     * does not lead (so that volunteer stays unassigned to the child); one is made if none takes the child.
     */
    private static String seat(Http gateway, String coordinator, String referralId) {
        JsonNode volunteers = gateway.json(gateway.get("/api/ngo/volunteers?intervention=POWERKIDS", coordinator), 200);
        String unassigned = null;
        String otherLeader = null;
        for (JsonNode volunteer : volunteers) {
            if (Principal.UNASSIGNED_VOLUNTEER.subject.equals(volunteer.path("login").asText())) {
                unassigned = volunteer.get("id").asText();
            } else if (otherLeader == null && "ACTIVE".equals(volunteer.path("status").asText())) {
                otherLeader = volunteer.get("id").asText();
            }
        }
        for (JsonNode group : gateway.json(gateway.get("/api/ngo/groups?intervention=POWERKIDS", coordinator), 200)) {
            if (!group.get("leaderIds").toString().contains("\"" + unassigned + "\"")
                    && placed(gateway, coordinator, group.get("id").asText(), referralId)) {
                return group.get("id").asText();
            }
        }
        String made = gateway.json(gateway.postJson("/api/ngo/groups", coordinator, """
                {"interventionCode": "POWERKIDS", "startDate": "%s", "sessions": 8, "sessionEveryDays": 7,
                 "ageMin": 9, "sizeLimit": 8, "leaderIds": ["%s"]}""".formatted(LocalDate.now().plusDays(7),
                otherLeader)), 201).get("id").asText();
        if (!placed(gateway, coordinator, made, referralId)) {
            throw new AssertionError("The new Powerkids group did not take the child");
        }
        return made;
    }

    private static boolean placed(Http gateway, String coordinator, String groupId, String referralId) {
        return gateway.postJson("/api/ngo/groups/" + groupId + "/seats", coordinator,
                "{\"referralId\": \"" + referralId + "\"}").status() == 200;
    }

    /** The measurement service learns of the start from ngo-service's event; the matrix needs it known. */
    private static void awaitQuestionnaires(Http gateway, String coordinator, String referralId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.get("/api/measurements/enrolments/" + referralId
                + "/checklist", coordinator).status() == 200);
    }

    private static void start(Http gateway, String coordinator, String referralId) {
        gateway.json(gateway.postJson("/api/ngo/inbox/" + referralId + "/start", coordinator,
                "{\"startedOn\": \"" + LocalDate.now() + "\"}"), 200);
    }

    /** Accepts the referral once the consent has let it reach the NGO's inbox. */
    private static void decide(Http gateway, String coordinator, String referralId) {
        await().atMost(Duration.ofSeconds(30)).until(() -> gateway.postJson("/api/ngo/inbox/" + referralId
                + "/decision", coordinator, "{\"decision\": \"ACCEPTED\"}").status() == 200);
    }

    /** The referrer's newest notification (the NGO's acceptance tells them). */
    private static String notification(Http gateway, String token) {
        return await().atMost(Duration.ofSeconds(30)).until(() -> {
            JsonNode items = gateway.json(gateway.get("/api/referrals/notifications", token), 200).path("items");
            return items.isEmpty() ? null : items.get(0).get("id").asText();
        }, id -> id != null);
    }
}
