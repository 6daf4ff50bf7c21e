package dk.earlyhelp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.Test;

/**
 * The administrators' audit trail page over real HTTP: it asks every service's audit search with
 * the filters, shows the records newest first and names the services that did not answer. The
 * measurement service's search is played by {@link OutcomesService} with two records; the NGO
 * service is down, and the referral and consent services' stand-in answers no list.
 */
class AuditPagesTests extends RunningGateway {

    @Test
    void theAdministratorSearchesEveryServiceAtOnceNewestFirst() throws Exception {
        BrowserSession admin = new BrowserSession(BASE);
        admin.logIn("admin", "demo");

        HttpResponse<String> page = admin.get("/revisionsspor?barn=c-7e2f9a41d3&udfald=&fra=2026-11-01&til=2026-11-30");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Revisionsspor</h1>", "href=\"/revisionsspor\"", "21-11-2026 15:02",
                "koordinator.powerkids", "Læst", "checklist 5d0f7a52-3f4b-4f0a-9c55-2f1de0b8a001", "CONCERNS",
                "OUTCOME_MEASUREMENT", "Afvist forsøg",
                "Disse tjenester svarede ikke", "ngo-service");
        assertThat(page.body().indexOf("21-11-2026 15:02")).as("newest first")
                .isLessThan(page.body().indexOf("20-11-2026 10:15"));
        assertThat(OUTCOMES.auditQueries()).anySatisfy(query -> assertThat(query)
                .contains("subject=c-7e2f9a41d3", "from=2026-10-31T23:00:00Z", "to=2026-11-30T23:00:00Z", "limit=200")
                .doesNotContain("decision"));
    }

    @Test
    void badFiltersAreExplainedAndNothingIsAsked() throws Exception {
        BrowserSession admin = new BrowserSession(BASE);
        admin.logIn("admin", "demo");
        int asked = OUTCOMES.auditQueries().size();

        HttpResponse<String> page = admin.get("/revisionsspor?barn=%7B%24ne%7D&fra=i+går&lang=en");

        assertThat(page.statusCode()).isEqualTo(400);
        assertThat(page.body()).contains("Correct the search", "href=\"#barn\"", "letters, digits and hyphens",
                "Write the date as YYYY-MM-DD", "aria-invalid=\"true\"");
        assertThat(OUTCOMES.auditQueries()).hasSize(asked);
    }

    @Test
    void onlyAdministratorsSearchTheAuditTrail() throws Exception {
        BrowserSession coordinator = new BrowserSession(BASE);
        coordinator.logIn("koordinator.powerkids", "demo");

        HttpResponse<String> page = coordinator.get("/revisionsspor");

        assertThat(page.statusCode()).isEqualTo(403);
        assertThat(page.body()).contains("Ingen adgang").doesNotContain("koordinator.powerkids</span>");
    }
}
