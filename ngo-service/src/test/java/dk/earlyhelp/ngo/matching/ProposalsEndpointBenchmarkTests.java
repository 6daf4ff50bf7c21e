package dk.earlyhelp.ngo.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;

import dk.earlyhelp.ngo.Referrals;
import dk.earlyhelp.ngo.Referrals.Arrived;
import dk.earlyhelp.ngo.volunteers.Volunteer;
import dk.earlyhelp.ngo.volunteers.VolunteerManagement;
import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;

/**
 * The whole request as the coordinator makes it: {@code GET /api/ngo/inbox/{id}/proposals} over
 * real HTTP, with token check, audit, the candidates' fingerprint on the embedded store and the
 * ranking, for one STRØM child among 5,000 generated mentors (plus the demo's); and the same right
 * after a change to a mentor (that one is read again) and after one was added (all are). Outside the default run:
 * {@code mvn -o -pl ngo-service verify -Dgroups=benchmark}.
 */
@Tag("benchmark")
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class ProposalsEndpointBenchmarkTests {

    static final String STROEM = TestTokens.ngoCoordinator("coordinator-stroem", "URK_KBH");

    @LocalServerPort
    int port;

    @Autowired
    MongoTemplate mongo;

    @Autowired
    VolunteerManagement volunteers;

    @Test
    void proposalsForOneChildAmong5000MentorsOverHttp() throws Exception {
        Api api = new Api(port);
        LocalDate today = LocalDate.now(ZoneId.of("Europe/Copenhagen"));
        mongo.insertAll(GeneratedVolunteers.mentors(MatchProposalsBenchmarkTests.CANDIDATES, today, 42));
        try {
            Arrived child = Referrals.arrive(api, STROEM, "STROEM", 10, "NORMAL");
            Referrals.decide(api, STROEM, child.referralId(), "{\"decision\": \"ACCEPTED\"}");
            String path = "/api/ngo/inbox/" + child.referralId()
                    + "/proposals?area=2200&languages=ar&interests=football,chess&limit=10";
            assertThat(Api.body(api.get(path, STROEM), 200).get("candidates").asInt())
                    .isGreaterThanOrEqualTo(MatchProposalsBenchmarkTests.CANDIDATES);

            Timings endpoint = Timings.measure(20, MatchProposalsBenchmarkTests.RUNS,
                    () -> Api.body(api.get(path, STROEM), 200));
            // Each run changes one person first, so the changed one is read from the store again.
            Volunteer changing = volunteers.of("URK_KBH", List.of(GeneratedVolunteers.ID_PREFIX + "1")).get(0);
            int[] run = {0};
            Timings afterAChange = Timings.measure(3, 20, () -> {
                volunteers.givePlaceBack(changing.id(), "bench-referral-" + run[0]);
                volunteers.takePlace(changing, "bench-referral-" + ++run[0]);
                Api.body(api.get(path, STROEM), 200);
            });

            // Each run adds one person first, so all candidates are read from the store again.
            int candidates = MatchProposalsBenchmarkTests.CANDIDATES;
            List<Volunteer> newcomers = GeneratedVolunteers.mentors(candidates + 10, today, 7)
                    .subList(candidates, candidates + 10);
            int[] added = {0};
            Timings afterAnAddition = Timings.measure(2, 8, () -> {
                mongo.insert(newcomers.get(added[0]++));
                Api.body(api.get(path, STROEM), 200);
            });

            endpoint.print("GET proposals over HTTP, " + MatchProposalsBenchmarkTests.CANDIDATES
                    + "+ mentors, candidates current in memory");
            afterAChange.print("GET proposals over HTTP, " + MatchProposalsBenchmarkTests.CANDIDATES
                    + "+ mentors, right after a change to one of them (reads that one again)");
            afterAnAddition.print("GET proposals over HTTP, " + MatchProposalsBenchmarkTests.CANDIDATES
                    + "+ mentors, right after one was added (reads them all again)");
            assertThat(endpoint.meanMillis()).as("the target").isLessThan(200);
        } finally {
            mongo.remove(Query.query(Criteria.where("_id").regex("^" + GeneratedVolunteers.ID_PREFIX)),
                    Volunteer.class);
        }
    }
}
