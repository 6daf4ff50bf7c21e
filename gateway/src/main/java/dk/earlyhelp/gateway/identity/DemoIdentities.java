package dk.earlyhelp.gateway.identity;

import java.util.List;
import java.util.Map;

/**
 * The run mode's demo users (password {@code demo}) and integration clients. Fictional people;
 * the same identities are in the Keycloak realm of {@code docker-compose.yml}.
 */
public final class DemoIdentities {

    public static final String PASSWORD = "demo";

    /** Every partnership of the demo catalogue, as intervention-municipality. */
    public static final List<String> ALL_PARTNERSHIPS = List.of("CYKELHJELM-0751", "CYKELHJELM-0779",
            "CYKELHJELM-0791", "CYKELHJELM-0657", "KLUB_MOVE-0615", "MENTORNETVAERKET-0561", "POWERKIDS-0751",
            "EMPOWR-0240", "SAMTALEGRUPPER-0175", "STROEM-0101", "NEFOS_SUICIDE-0461", "NEFOS_SUICIDE-0410");

    /** Aarhus's school team in the demo: the teacher refers, the team lead follows the team's referrals. */
    static final String AARHUS_TEAM = "AARHUS-VEST";

    public static final Map<String, Profile> USERS = Map.ofEntries(
            Map.entry("laerer.aarhus", new Profile("Mette Holm", List.of("MUNICIPAL_STAFF"), "MUNICIPALITY", "0751",
                    List.of(), "TEACHER", AARHUS_TEAM)),
            Map.entry("teamleder.aarhus", new Profile("Hanne Vinther", List.of("MUNICIPAL_STAFF"), "MUNICIPALITY",
                    "0751", List.of(), "TEAM_LEAD", AARHUS_TEAM)),
            Map.entry("psykolog.aarhus", new Profile("Karim Aziz", List.of("MUNICIPAL_STAFF"), "MUNICIPALITY", "0751",
                    List.of(), "SCHOOL_PSYCHOLOGIST", null)),
            Map.entry("sagsbehandler.kbh", new Profile("Jonas Berg", List.of("MUNICIPAL_STAFF"), "MUNICIPALITY",
                    "0101", List.of(), "CASEWORKER", null)),
            Map.entry("sundhedsplejerske.odense", new Profile("Lone Bech", List.of("MUNICIPAL_STAFF"),
                    "MUNICIPALITY", "0461", List.of(), "HEALTH_VISITOR", null)),
            Map.entry("koordinator.powerkids", new Profile("Sara Lund", List.of("NGO_COORDINATOR"), "NGO", "URK_AAR",
                    List.of("POWERKIDS-0751"), null, null)),
            Map.entry("koordinator.stroem", new Profile("Ali Hassan", List.of("NGO_COORDINATOR"), "NGO", "URK_KBH",
                    List.of("STROEM-0101"), null, null)),
            // Cykelhjelm works as model B3: SIND registers children who come through their parents or outreach.
            Map.entry("koordinator.cykelhjelm", new Profile("Nanna Vestergaard", List.of("NGO_COORDINATOR"), "NGO",
                    "SIND_PR", List.of("CYKELHJELM-0751", "CYKELHJELM-0779", "CYKELHJELM-0791", "CYKELHJELM-0657"),
                    null, null)),
            Map.entry("frivillig.powerkids", new Profile("Emma Krogh", List.of("VOLUNTEER"), "NGO", "URK_AAR",
                    List.of("POWERKIDS-0751"), null, null)),
            Map.entry("frivillig.stroem", new Profile("Jonas Friis", List.of("VOLUNTEER"), "NGO", "URK_KBH",
                    List.of("STROEM-0101"), null, null)),
            Map.entry("styregruppe.aarhus", new Profile("Peter Dahl", List.of("STEERING_GROUP"), "MUNICIPALITY",
                    "0751", List.of("POWERKIDS-0751"), null, null)),
            Map.entry("admin", new Profile("Administrator", List.of("ADMIN"), "PLATFORM", "PLATFORM", List.of(), null,
                    null)));

    /** Client id to secret and profile; the secrets are for the run mode only. */
    public static final Map<String, Client> CLIENTS = Map.of(
            "demo-import", new Client("demo-import-secret", new Profile("Demo import", List.of("MEASUREMENT_IMPORT"),
                    "PLATFORM", "PLATFORM", ALL_PARTNERSHIPS, null, null)),
            "demo-steering", new Client("demo-steering-secret", new Profile("Demo steering group",
                    List.of("STEERING_GROUP"), "PLATFORM", "PLATFORM", ALL_PARTNERSHIPS, null, null)),
            // A municipal case system pushes referrals as its municipality's integration client.
            "demo-case-system", new Client("demo-case-system-secret", new Profile("Aarhus case system",
                    List.of("MUNICIPAL_STAFF"), "MUNICIPALITY", "0751", List.of(), "CASE_SYSTEM", null)));

    /** The demo users' e-mail addresses; the run mode catches what is sent to them (see the demo mailbox). */
    public static String email(String username) {
        return username + "@example.org";
    }

    public record Client(String secret, Profile profile) {
    }

    private DemoIdentities() {
    }
}
