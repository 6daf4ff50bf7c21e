package dk.earlyhelp.ngo.groups;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;

import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.Format;
import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.TargetGroup;
import dk.earlyhelp.ngo.volunteers.DemoVolunteers;
import dk.earlyhelp.ngo.volunteers.MatchingRules;
import dk.earlyhelp.ngo.volunteers.Profile;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;

/**
 * Turns each group course's illustrative {@code groupsPerTerm} into groups over the coming months:
 * the first starts in two to three weeks, the next every four to six weeks, with the target
 * group's age band, the format's size and sessions, and two leaders who may lead it (a staff
 * member and a volunteer where the NGO has both). Fixed ids and insert-only writes make a restart
 * add nothing.
 */
@Component
@ConditionalOnProperty(name = "earlyhelp.demo-data", havingValue = "true")
@Order(DemoVolunteers.ORDER + 1)
class DemoGroups implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoGroups.class);
    private static final ZoneId DENMARK = ZoneId.of("Europe/Copenhagen");

    private final MongoTemplate mongo;
    private final CatalogueManagement catalogue;
    private final VolunteerManagement volunteers;
    private final Clock clock;

    DemoGroups(MongoTemplate mongo, CatalogueManagement catalogue, VolunteerManagement volunteers, Clock clock) {
        this.mongo = mongo;
        this.catalogue = catalogue;
        this.volunteers = volunteers;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        LocalDate today = LocalDate.now(clock.withZone(DENMARK));
        int added = 0;
        for (Intervention intervention : catalogue.interventions()) {
            List<Volunteer> people = volunteers.workingOn(intervention.ngoCode(), intervention.code());
            for (Group group : groups(intervention, people, today)) {
                added += insertOnce(group) ? 1 : 0;
            }
        }
        log.info("Demo groups: {} added", added);
    }

    /** The demo groups of one intervention, the same every time for the same day and people. */
    static List<Group> groups(Intervention intervention, List<Volunteer> people, LocalDate today) {
        Format format = intervention.format();
        List<Group> groups = new ArrayList<>();
        if (format == null || !format.groupCourse() || intervention.capacity() == null
                || intervention.capacity().groupsPerTerm() == null) {
            return groups;
        }
        TargetGroup target = intervention.targetGroup();
        int ageMin = target == null || target.ageMin() == null ? 0 : target.ageMin();
        int ageMax = target == null || target.ageMax() == null ? 17 : target.ageMax();
        LocalDate start = today.plusDays(14 + Math.floorMod(intervention.code().hashCode(), 8));
        for (int j = 1; j <= intervention.capacity().groupsPerTerm(); j++) {
            if (j > 1) {
                start = start.plusWeeks(4 + j % 3);
            }
            List<String> leaders = leaders(people, ageMin, start, j);
            if (leaders.isEmpty()) {
                log.warn("No demo group {} of {}: nobody may lead it", j, intervention.code());
                continue;
            }
            groups.add(new Group(String.format("demo-%s-g%d", intervention.code().toLowerCase().replace('_', '-'), j),
                    intervention.ngoCode(), intervention.code(), start,
                    format.sessions() == null ? 8 : format.sessions(),
                    format.sessionEveryDays() == null ? 7 : format.sessionEveryDays(), ageMin, ageMax,
                    format.groupSizeMax() == null ? 8 : format.groupSizeMax(), leaders, List.of(), 0,
                    today.atStartOfDay(DENMARK).toInstant(), "demo-data"));
        }
        return groups;
    }

    /** Two who may lead, taking turns between groups: one staff member and one volunteer where there are both. */
    private static List<String> leaders(List<Volunteer> people, int ageMin, LocalDate start, int turn) {
        List<String> staff = new ArrayList<>();
        List<String> volunteers = new ArrayList<>();
        for (Volunteer person : people) {
            if (MatchingRules.obstaclesToLead(person, ageMin, start).isEmpty()) {
                (person.profile().kind() == Profile.Kind.STAFF ? staff : volunteers).add(person.id());
            }
        }
        if (!staff.isEmpty() && !volunteers.isEmpty()) {
            return List.of(staff.get((turn - 1) % staff.size()), volunteers.get((turn - 1) % volunteers.size()));
        }
        List<String> eligible = staff.isEmpty() ? volunteers : staff;
        if (eligible.size() < 2) {
            return eligible;
        }
        return List.of(eligible.get((2 * (turn - 1)) % eligible.size()),
                eligible.get((2 * (turn - 1) + 1) % eligible.size()));
    }

    private boolean insertOnce(Group group) {
        Update onInsert = new Update()
                .setOnInsert("ngoCode", group.ngoCode())
                .setOnInsert("interventionCode", group.interventionCode())
                .setOnInsert("startDate", group.startDate())
                .setOnInsert("sessions", group.sessions())
                .setOnInsert("sessionEveryDays", group.sessionEveryDays())
                .setOnInsert("ageMin", group.ageMin())
                .setOnInsert("ageMax", group.ageMax())
                .setOnInsert("sizeLimit", group.sizeLimit())
                .setOnInsert("leaderIds", group.leaderIds())
                .setOnInsert("seats", group.seats())
                .setOnInsert("seatsTaken", group.seatsTaken())
                .setOnInsert("createdAt", group.createdAt())
                .setOnInsert("createdBy", group.createdBy());
        return mongo.upsert(Query.query(Criteria.where("_id").is(group.id())), onInsert, Group.class)
                .getUpsertedId() != null;
    }
}
