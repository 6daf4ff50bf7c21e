package dk.earlyhelp.measurement.operations;

import java.time.Instant;
import java.util.List;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.index.Indexed;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * The statuses one person of an NGO has had, as ids and codes (no name), for the volunteer
 * figures. Each status change is kept once, whatever order the events arrive in.
 */
@Document("volunteerHistories")
public record VolunteerHistory(@Id String volunteerId, @Indexed String ngoCode, String kind,
                               List<String> interventionCodes, List<Change> changes) {

    public record Change(String status, Instant at) {
    }
}
