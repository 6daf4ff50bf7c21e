package dk.earlyhelp.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The administrator's catalogue pages over real HTTP, logged in as the demo administrator, the NGO
 * service played by {@link CatalogueService} in the shapes of its API: the overview, a partnership's
 * history and model change with the models explained, and an offer's form whose refused fields are
 * summarised, pointed at and kept.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class CataloguePagesTests {

    static final int PORT = RunningGateway.freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final CatalogueService NGO = CatalogueService.start();
    static final ObjectMapper JSON = new ObjectMapper();

    /** Logged in once for the class: the login form's rate limit is per address. */
    static BrowserSession admin;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("earlyhelp.identity.demo-identities", () -> "true");
        registry.add("earlyhelp.identity.signing-key-file", () -> Tokens.file().toString());
        registry.add("earlyhelp.services.ngo-url", NGO::url);
    }

    @BeforeEach
    void logInOnce() throws Exception {
        if (admin == null) {
            admin = new BrowserSession(BASE);
            admin.logIn("admin", "demo");
        }
    }

    @Test
    void theAdministratorsMenuLeadsToTheCatalogueOfPartnershipsOffersNgosAndMunicipalities() throws Exception {
        assertThat(admin.get("/").body()).contains("href=\"/katalog\"", ">Katalog<");

        HttpResponse<String> page = admin.get("/katalog");

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"da\"", "<h1>Katalog</h1>",
                "href=\"/katalog/samarbejder/POWERKIDS-0751\">Powerkids – Aarhus Kommune</a>",
                "B3 – Partnerskab om rekruttering og udførelse", "Forløbet med samtykke", "2026-11-20",
                "href=\"/katalog/tilbud/POWERKIDS\"", "Gruppeforløb", "href=\"/katalog/organisationer/SIND_PR\"",
                "Lønnede medarbejdere og frivillige", "href=\"/katalog/kommuner/0779\"", "Skive Kommune",
                "href=\"/katalog/samarbejder/ny\"", "href=\"/katalog/tilbud/ny\"",
                "href=\"/katalog/organisationer/ny\"", "href=\"/katalog/kommuner/ny\"");
    }

    @Test
    void aPartnershipShowsItsHistoryNewestFirstAndExplainsEachModel() throws Exception {
        HttpResponse<String> page = admin.get("/katalog/samarbejder/POWERKIDS-0751");

        assertThat(page.statusCode()).isEqualTo(200);
        String body = page.body();
        assertThat(body).contains("<h1>Samarbejde: Powerkids – Aarhus Kommune</h1>",
                "Version 2, gælder fra 2026-11-20", "id=\"version-2\"", "id=\"version-1\"", "Kataloget",
                "samarbejdets start", "Styregruppen besluttede, at organisationen også opsøger børn",
                "Kommunen finder og henviser børnene, organisationen udfører tilbuddet",
                "Begge parter finder børn, og begge udfører tilbuddet",
                "aria-describedby=\"model-help\"", "id=\"model-help\"",
                "beholder den model, de kom under", "value=\"Peter Dahl\"", "POWERKIDS-0751");
        assertThat(checked(body, "B3_PARTNERSHIP_FULL")).as("the model as it is").isTrue();
        assertThat(body.indexOf("id=\"version-2\"")).as("newest first").isLessThan(body.indexOf("id=\"version-1\""));
    }

    @Test
    void aModelChangeWithoutAReasonIsExplainedAtTheFieldAndTheChoiceIsKept() throws Exception {
        NGO.answer("POST", "/api/ngo/partnerships/POWERKIDS-0751/versions", 400, """
                {"type": "https://earlyhelp.dk/problems/validation", "status": 400, "title": "Invalid request",
                 "errors": [{"field": "reason", "message": "must not be blank"}]}""");
        HttpResponse<String> page = admin.get("/katalog/samarbejder/POWERKIDS-0751");

        HttpResponse<String> answer = admin.submit(page, "/katalog/samarbejder/POWERKIDS-0751/vilkaar",
                "model", "A_FUNCTIONAL_SPLIT", "progressSharing", "AGGREGATES_ONLY", "reason", "");

        assertThat(answer.body()).contains("id=\"error-summary\"", "Ret venligst følgende",
                "<a href=\"#reason\">Skriv, hvorfor vilkårene skifter (højst 500 tegn).</a>", "id=\"reason-error\"");
        assertThat(checked(answer.body(), "A_FUNCTIONAL_SPLIT")).as("no lost input").isTrue();
        assertThat(checked(answer.body(), "AGGREGATES_ONLY")).isTrue();
        assertThat(checked(answer.body(), "B3_PARTNERSHIP_FULL")).isFalse();
        JsonNode sent = JSON.readTree(last(NGO.bodies("POST", "/api/ngo/partnerships/POWERKIDS-0751/versions")));
        assertThat(sent.get("model").asText()).isEqualTo("A_FUNCTIONAL_SPLIT");
        assertThat(sent.has("reason")).as("a blank reason is left out, so the service names it").isFalse();

        NGO.answer("POST", "/api/ngo/partnerships/POWERKIDS-0751/versions", 201, CatalogueService.PARTNERSHIP);
        HttpResponse<String> saved = admin.submit(page, "/katalog/samarbejder/POWERKIDS-0751/vilkaar",
                "model", "A_FUNCTIONAL_SPLIT", "progressSharing", "AGGREGATES_ONLY", "reason", "Styregruppens møde");
        assertThat(saved.uri().getPath()).isEqualTo("/katalog/samarbejder/POWERKIDS-0751");
        assertThat(saved.body()).contains("Samarbejdet har nye vilkår fra i dag");
    }

    @Test
    void anOffersFormSummarisesTheRefusedFieldsPointsAtEachAndKeepsWhatWasEntered() throws Exception {
        NGO.answer("PUT", "/api/ngo/interventions/POWERKIDS", 400, """
                {"type": "https://earlyhelp.dk/problems/validation", "status": 400, "title": "Invalid request",
                 "errors": [{"field": "format.groupSizeMax", "message": "is needed for a group course"},
                            {"field": "targetGroup.ageMax", "message": "must not be below ageMin"},
                            {"field": "staircaseStep", "message": "must not be null"}]}""");
        HttpResponse<String> form = admin.get("/katalog/tilbud/POWERKIDS");
        assertThat(form.body()).contains("<h1>Ret Powerkids</h1>", "value=\"9\"",
                "Otte ugentlige samtaler", "Trin på indsatstrappen",
                "1 – Tidlig indsats i almenområdet");

        assertThat(checked(form.body(), "GROUP_COURSE")).isTrue();
        assertThat(checked(form.body(), "PARENTAL_DIVORCE")).isTrue();

        HttpResponse<String> answer = admin.submit(form, "/katalog/tilbud/POWERKIDS", "name", "Powerkids",
                "ngoCode", "URK_AAR", "types", "GROUP", "ageMin", "12", "ageMax", "10", "gender", "",
                "concerns", "PARENTAL_DIVORCE", "formatKind", "GROUP_COURSE", "sessions", "8", "sessionEveryDays", "7",
                "groupSizeMax", "", "deliveredBy", "BOTH", "measures", "PSYCHOLOGICAL", "measures", "COPING",
                "fidelityManual", "true", "groupsPerTerm", "tre");

        assertThat(answer.body()).contains("id=\"error-summary\"",
                "<a href=\"#groupSizeMax\">Et gruppeforløb skal have en gruppestørrelse",
                "<a href=\"#ageMax\">Skriv den ældste alder", "<a href=\"#staircaseStep\">Vælg tilbuddets trin",
                "id=\"groupSizeMax-error\"", "value=\"12\"", "value=\"tre\"");
        assertThat(checked(answer.body(), "COPING")).as("no lost input").isTrue();
        JsonNode sent = JSON.readTree(last(NGO.bodies("PUT", "/api/ngo/interventions/POWERKIDS")));
        assertThat(sent.at("/targetGroup/ageMin").asInt()).isEqualTo(12);
        assertThat(sent.at("/capacity/groupsPerTerm").asInt()).as("not a number").isEqualTo(-1);
        assertThat(sent.get("measures").toString()).isEqualTo("[\"PSYCHOLOGICAL\",\"COPING\"]");
        assertThat(sent.has("code")).as("the path names it").isFalse();
        assertThat(sent.at("/targetGroup/gender").isMissingNode()).isTrue();
    }

    @Test
    void englishHasItsOwnWords() throws Exception {
        String body = admin.get("/katalog/samarbejder/POWERKIDS-0751?lang=en").body();

        assertThat(body).contains("lang=\"en\"", "<h1>Partnership: Powerkids – Aarhus Kommune</h1>",
                "Functional split, loosely coupled (purchaser-provider)", "Change the model or the sharing policy",
                "History");
        admin.get("/?lang=da");
    }

    @Test
    void onlyThePlatformsAdministratorKeepsTheCatalogue() throws Exception {
        BrowserSession coordinator = new BrowserSession(BASE);
        coordinator.logIn("koordinator.powerkids", "demo");

        assertThat(coordinator.get("/katalog").statusCode()).isEqualTo(403);
        assertThat(coordinator.get("/katalog/samarbejder/POWERKIDS-0751").statusCode()).isEqualTo(403);
        assertThat(coordinator.get("/").body()).doesNotContain("href=\"/katalog\"");
    }

    /** Whether the radio button or check box with the value is checked. */
    private static boolean checked(String body, String value) {
        return java.util.regex.Pattern.compile("value=\"" + value + "\"[^>]*checked=\"checked\"").matcher(body)
                .find();
    }

    private static String last(java.util.List<String> bodies) {
        return bodies.get(bodies.size() - 1);
    }
}
