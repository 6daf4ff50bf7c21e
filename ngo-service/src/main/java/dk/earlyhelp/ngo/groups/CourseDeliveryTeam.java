package dk.earlyhelp.ngo.groups;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;

import dk.earlyhelp.ngo.inbox.Deliverer;
import dk.earlyhelp.ngo.inbox.DeliveryTeam;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.platform.security.SubjectPseudonym;

/**
 * The mentor or the group's leaders who have not left, each with the pseudonym of the login they sign
 * in with. Reads
 * the groups directly rather than through {@link GroupManagement}, which depends on the inbox that
 * depends on this.
 */
@Component
class CourseDeliveryTeam implements DeliveryTeam {

    private final MongoTemplate mongo;
    private final VolunteerManagement volunteers;

    CourseDeliveryTeam(MongoTemplate mongo, VolunteerManagement volunteers) {
        this.mongo = mongo;
        this.volunteers = volunteers;
    }

    @Override
    public List<Deliverer> of(String ngoCode, String mentorId, String groupId) {
        List<String> ids = mentorId != null ? List.of(mentorId) : groupId != null ? leaders(ngoCode, groupId)
                : List.of();
        if (ids.isEmpty()) {
            return List.of();
        }
        Map<String, Volunteer> people = volunteers.of(ngoCode, ids).stream()
                .collect(Collectors.toMap(Volunteer::id, Function.identity()));
        List<Deliverer> team = new ArrayList<>();
        for (String id : ids) {
            Volunteer person = people.get(id);
            if (person == null) {
                team.add(new Deliverer(id, null));
            } else if (person.status() != Volunteer.Status.LEFT) {
                // Someone who left delivers nothing any more, even before the coordinator matches anew.
                team.add(new Deliverer(id, SubjectPseudonym.of(person.profile().login())));
            }
        }
        return team;
    }

    private List<String> leaders(String ngoCode, String groupId) {
        Group group = mongo.findOne(Query.query(Criteria.where("_id").is(groupId).and("ngoCode").is(ngoCode)),
                Group.class);
        return group == null || group.leaderIds() == null ? List.of() : List.copyOf(group.leaderIds());
    }
}
