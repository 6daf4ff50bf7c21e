package dk.earlyhelp.ngo.sessions;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One session of a group as a leader logged it: one insert. The id is the group and the day, so a
 * session logged twice (two leaders, a double click) is refused by the store itself. Attendance is
 * by referral id only; there is no free text, so nothing about a child needs erasing later.
 *
 * @param present  the referrals of the seated children who came
 * @param loggedBy the subject of the user who logged it
 */
@Document("groupSessions")
@CompoundIndex(name = "group_held", def = "{'groupId': 1, 'heldOn': 1}")
public record GroupSession(@Id String id, String ngoCode, String groupId, LocalDate heldOn, int minutes,
                           List<String> present, Instant loggedAt, String loggedBy) {

    static String idOf(String groupId, LocalDate heldOn) {
        return groupId + ":" + heldOn;
    }
}
