package dk.earlyhelp.gateway.portal;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;

/** Table rows of the portal's pages, made from the services' API answers; times shown in Danish time. */
final class Rows {

    private static final DateTimeFormatter DANISH_TIME = DateTimeFormatter.ofPattern("dd-MM-yyyy HH:mm")
            .withZone(ZoneId.of("Europe/Copenhagen"));

    record Referral(String childName, String interventionCode, String status, String submittedAt) {
    }

    record InboxItem(String receivedAt, int childAge, String childGender, String interventionCode,
                     String municipalityCode, String concerns, String urgency) {
    }

    private Rows() {
    }

    @SuppressWarnings("unchecked")
    static Referral referral(Map<String, Object> referral) {
        Map<String, Object> child = (Map<String, Object>) referral.get("child");
        List<Map<String, Object>> timeline = (List<Map<String, Object>>) referral.get("timeline");
        return new Referral(child.get("firstName") + " " + child.get("lastName"),
                (String) referral.get("interventionCode"), (String) referral.get("status"),
                timeline.isEmpty() ? "" : time(timeline.get(0).get("at")));
    }

    @SuppressWarnings("unchecked")
    static InboxItem inboxItem(Map<String, Object> item) {
        return new InboxItem(time(item.get("receivedAt")), ((Number) item.get("childAge")).intValue(),
                (String) item.get("childGender"), (String) item.get("interventionCode"),
                (String) item.get("municipalityCode"), String.join(", ", (List<String>) item.get("concerns")),
                (String) item.get("urgency"));
    }

    private static String time(Object isoInstant) {
        return isoInstant == null ? "" : DANISH_TIME.format(Instant.parse(isoInstant.toString()));
    }
}
