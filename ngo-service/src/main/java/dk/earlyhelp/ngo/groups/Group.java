package dk.earlyhelp.ngo.groups;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.CompoundIndex;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One run of a group course (GROUP_COURSE intervention) of one NGO. {@code seatsTaken} is kept
 * beside {@code seats} so that taking a seat is one conditional write ({@code seatsTaken < sizeLimit}):
 * two coordinators can never overbook the last seat.
 *
 * @param sessionEveryDays days between two sessions
 * @param ageMin           youngest age the group takes
 * @param ageMax           oldest age the group takes
 * @param leaderIds        the volunteers and staff who lead it
 */
@Document("groups")
@CompoundIndex(name = "ngo_intervention_start", def = "{'ngoCode': 1, 'interventionCode': 1, 'startDate': 1}")
public record Group(@Id String id, String ngoCode, String interventionCode, LocalDate startDate, int sessions,
                    int sessionEveryDays, int ageMin, int ageMax, int sizeLimit, List<String> leaderIds,
                    List<Seat> seats, int seatsTaken, Instant createdAt, String createdBy) {

    public int freeSeats() {
        return Math.max(0, sizeLimit - seatsTaken);
    }

    public boolean fits(int childAge) {
        return childAge >= ageMin && childAge <= ageMax;
    }

    public LocalDate lastSessionOn() {
        return startDate.plusDays((long) (sessions - 1) * sessionEveryDays);
    }

    /**
     * A child's seat: the referral, the child's pseudonym and age, who placed them and when. Once the
     * consent ended, only the referral, when and by whom stay ({@code childId}, {@code childAge} null).
     */
    public record Seat(String referralId, String childId, Integer childAge, Instant placedAt, String placedBy) {
    }
}
