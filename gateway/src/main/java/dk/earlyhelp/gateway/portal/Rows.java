package dk.earlyhelp.gateway.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** What the portal's pages show, made from the services' API answers; times in Danish time. */
final class Rows {

    private static final DateTimeFormatter DANISH_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    record Referral(String id, String childName, String interventionCode, String status, String submittedAt,
                    String referrerRole) {
    }

    record ReferralDetail(String id, String childName, String birthDate, String interventionCode, String status,
                          List<Step> timeline, String suggestedInterventionCode, boolean open, String referrerId,
                          String expectedStart, List<Follower> followers, boolean progressToReferrer,
                          String progressWithheldBy, boolean needsAnotherOffer) {
    }

    record Follower(String email, String role) {
    }

    record Step(String status, String at, String reason) {
    }

    /** @param consentWithdrawn the child's details were erased when the consent ended; age, gender and concerns are null */
    /** @param ownSource PARENT_CONTACT or NGO_OUTREACH for a child the NGO registered itself; null for a referral */
    record InboxItem(String referralId, String receivedAt, Integer childAge, String childGender, String interventionCode,
                     String municipalityCode, String concerns, String urgency, String status, boolean decidable,
                     boolean consentWithdrawn, String ownSource, String proposedVolunteerId) {
    }

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> items(Map<String, Object> page) {
        return (List<Map<String, Object>>) page.getOrDefault("items", List.of());
    }

    @SuppressWarnings("unchecked")
    static Referral referral(Map<String, Object> referral) {
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) referral.get("timeline");
        return new Referral((String) referral.get("id"), childName(referral),
                (String) referral.get("interventionCode"), (String) referral.get("status"),
                timeline.isEmpty() ? "" : time(timeline.get(0).get("at")), (String) referral.get("referrerRole"));
    }

    @SuppressWarnings("unchecked")
    static ReferralDetail referralDetail(Map<String, Object> referral) {
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) referral.get("timeline");
        Map<String, Object> child = (Map<String, Object>) referral.get("child");
        String status = (String) referral.get("status");
        return new ReferralDetail((String) referral.get("id"), childName(referral), (String) child.get("birthDate"),
                (String) referral.get("interventionCode"), status,
                timeline.stream().map(step -> new Step((String) step.get("status"), time(step.get("at")),
                        (String) step.get("reason"))).toList(),
                (String) referral.get("suggestedInterventionCode"),
                !List.of("DECLINED", "COMPLETED", "DROPPED_OUT", "WITHDRAWN").contains(status),
                (String) referral.get("referrerId"), (String) referral.get("expectedStart"),
                ((List<Map<String, Object>>) referral.getOrDefault("followers", List.of())).stream()
                        .map(follower -> new Follower((String) follower.get("email"), (String) follower.get("role")))
                        .toList(),
                !Boolean.FALSE.equals(referral.get("progressToReferrer")),
                (String) referral.get("progressWithheldBy"),
                Boolean.TRUE.equals(referral.get("needsAnotherOffer")));
    }

    @SuppressWarnings("unchecked")
    static InboxItem inboxItem(Map<String, Object> item) {
        String status = (String) item.get("status");
        boolean withdrawn = item.get("consentWithdrawnAt") != null;
        return new InboxItem((String) item.get("referralId"), time(item.get("receivedAt")),
                item.get("childAge") instanceof Number age ? age.intValue() : null, (String) item.get("childGender"),
                (String) item.get("interventionCode"), (String) item.get("municipalityCode"),
                String.join(", ", (List<String>) item.getOrDefault("concerns", List.of())), (String) item.get("urgency"),
                status, !withdrawn && ("RECEIVED".equals(status) || "WAITLISTED".equals(status)), withdrawn,
                "MUNICIPAL_REFERRAL".equals(item.get("source")) ? null : (String) item.get("source"),
                // A mentor proposed to the family, whose answer the coordinator records.
                "PROPOSED".equals(status) && item.get("match") instanceof Map<?, ?> match
                        ? (String) match.get("volunteerId") : null);
    }

    @SuppressWarnings("unchecked")
    private static String childName(Map<String, Object> referral) {
        Map<String, Object> child = (Map<String, Object>) referral.get("child");
        String name = java.util.stream.Stream.of(child.get("firstName"), child.get("lastName"))
                .filter(java.util.Objects::nonNull).map(Object::toString).collect(java.util.stream.Collectors.joining(" "));
        return name.isBlank() ? "–" : name;
    }

    /** An instant (or its ISO text) in Danish time, as every page shows times. */
    static String time(Object isoInstant) {
        return isoInstant == null ? "" : DANISH_TIME.format(Instant.parse(isoInstant.toString()));
    }
}
