package dk.earlyhelp.referrals.concern;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

import dk.earlyhelp.platform.events.PendingEvent;

/**
 * One notification of concern about a referred child, as the NGO wrote it. Inserted once and never
 * changed (only the outbox relay removes its published event), so the NGO cannot take it back.
 *
 * @param referrerId  the referral's referrer, who may read it besides the municipality's caseworkers and team leads
 * @param urgent      the NGO considers the child in acute danger
 * @param description what the NGO saw or heard, in its own words; stays in this service
 */
@Document("concernNotifications")
@CompoundIndex(name = "municipality_raised", def = "{'municipalityCode': 1, 'raisedAt': -1}")
public record ConcernNotification(@Id String id, String referralId, String childId, String municipalityCode,
                                  String interventionCode, String referrerId, String ngoCode, String raisedBy,
                                  String raisedByRole, Instant raisedAt, boolean urgent, String description,
                                  List<PendingEvent> pendingEvents) {

    public static final String RECEIVED = "referral.concern-notification-received.v1";

    static ConcernNotification raise(String id, String referralId, String childId, String municipalityCode,
            String interventionCode, String referrerId, String ngoCode, String raisedBy, String raisedByRole,
            Instant now, boolean urgent, String description) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("notificationId", id);
        data.put("referralId", referralId);
        data.put("childId", childId);
        data.put("municipalityCode", municipalityCode);
        data.put("interventionCode", interventionCode);
        data.put("ngoCode", ngoCode);
        data.put("urgent", urgent);
        data.put("occurredAt", now.toString());
        // Ids and codes only: what the NGO wrote is read here by the municipality, never sent on.
        List<PendingEvent> events = new ArrayList<>(List.of(PendingEvent.of(RECEIVED, referralId, now, data)));
        return new ConcernNotification(id, referralId, childId, municipalityCode, interventionCode, referrerId, ngoCode,
                raisedBy, raisedByRole, now, urgent, description, events);
    }
}
