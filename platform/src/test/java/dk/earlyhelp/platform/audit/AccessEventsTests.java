package dk.earlyhelp.platform.audit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

import org.junit.jupiter.api.Test;

import dk.earlyhelp.platform.events.PendingEvent;
import dk.earlyhelp.platform.security.Caller;
import dk.earlyhelp.platform.test.Contracts;
import tools.jackson.databind.json.JsonMapper;

/** The access event a read about a child causes: the contract's fields, and nothing that names a person. */
class AccessEventsTests {

    private static final Caller COORDINATOR = new Caller("coordinator-powerkids", Set.of("NGO_COORDINATOR"), "NGO",
            "URK_AAR", Set.of("POWERKIDS-0751"), null, "sara@example.org", null);
    private static final Instant AT = Instant.parse("2026-11-26T10:15:00Z");

    @Test
    void aReadAboutAChildSaysWhoByOrganisationAndRoleWhichCategoriesAndWhatFor() {
        List<PendingEvent> events = AccessEvents.of("referral-service", COORDINATOR, AuditRecord.Action.READ,
                "referral", "child-1", DataAccess.of("REFERRAL_AND_DELIVERY", List.of("CONTACT", "CHILD_VIEW")), AT);

        assertThat(events).singleElement().satisfies(event -> {
            assertThat(event.type()).isEqualTo("audit.data-accessed.v1");
            assertThat(event.key()).isEqualTo("child-1");
            String json = JsonMapper.builder().build().writeValueAsString(event.data());
            Contracts.assertMatchesSchema("platform", event.type(), json);
            Set<String> exampleFields = new TreeSet<>();
            Contracts.parse(Contracts.example("platform", event.type())).fieldNames().forEachRemaining(exampleFields::add);
            assertThat(event.data().keySet()).isEqualTo(exampleFields);
            assertThat(json).contains("\"categories\":[\"CHILD_VIEW\",\"CONTACT\"]", "URK_AAR", "NGO_COORDINATOR")
                    .doesNotContain("coordinator-powerkids", "sara@example.org");
        });
    }

    @Test
    void aCustodyHoldersLinkWithoutOrganisationTypeLeavesItOut() {
        Caller holder = new Caller("personal-link:42", Set.of("CUSTODY_HOLDER"), null, "0751", Set.of(), null, null,
                null);
        PendingEvent event = AccessEvents.of("consent-service", holder, AuditRecord.Action.READ, "consent", "child-1",
                DataAccess.UNSPECIFIED, AT).get(0);

        assertThat(event.data()).doesNotContainKeys("organisationType", "purpose").containsEntry("organisation", "0751");
        Contracts.assertMatchesSchema("platform", event.type(),
                JsonMapper.builder().build().writeValueAsString(event.data()));
    }

    @Test
    void changesAndThePlatformsOwnChecksAndRecordsWithoutAChildCauseNone() {
        assertThat(AccessEvents.of("ngo-service", COORDINATOR, AuditRecord.Action.UPDATE, "inbox-referral", "child-1",
                DataAccess.UNSPECIFIED, AT)).isEmpty();
        assertThat(AccessEvents.of("consent-service", Caller.system("referral-service"), AuditRecord.Action.READ,
                "consent-decision", "child-1", DataAccess.UNSPECIFIED, AT)).isEmpty();
        assertThat(AccessEvents.of("ngo-service", COORDINATOR, AuditRecord.Action.DENIED, "partnership", null,
                DataAccess.UNSPECIFIED, AT)).isEmpty();
    }
}
