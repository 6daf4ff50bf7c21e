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
 * The coordinator's form for a child who came without a municipal referral, the form for the
 * family's answer to a mentor proposed to them, and the recruitment
 * signal's languages, over real HTTP: the portal logged in as the demo coordinator of PowerKids,
 * the NGO service played by {@link NgoService} in the shapes of its API, the referral service by a
 * {@link Downstream} peer (the only test context
 * where the NGO service answers; {@link RunningGateway}'s keep it down).
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.DEFINED_PORT)
class RegistrationFormTests {

    static final int PORT = RunningGateway.freePort();
    static final String BASE = "http://localhost:" + PORT;
    static final NgoService NGO = NgoService.start();
    static final Downstream REFERRALS = Downstream.start();
    static final ObjectMapper JSON = new ObjectMapper();
    /** The inbox's child with a mentor proposed to the family. */
    static final String PROPOSED = "7c1e0b7e-0000-4000-8000-000000000003";

    /** Logged in once for the class: the login form's rate limit is per address. */
    static BrowserSession coordinator;

    @DynamicPropertySource
    static void properties(DynamicPropertyRegistry registry) {
        registry.add("server.port", () -> PORT);
        registry.add("earlyhelp.identity.demo-identities", () -> "true");
        registry.add("earlyhelp.identity.signing-key-file", () -> Tokens.file().toString());
        registry.add("earlyhelp.services.ngo-url", NGO::url);
        registry.add("earlyhelp.services.referral-url", REFERRALS::url);
    }

    @BeforeEach
    void logInOnce() throws Exception {
        if (coordinator == null) {
            coordinator = new BrowserSession(BASE);
            coordinator.logIn("koordinator.powerkids", "demo");
        }
    }

    @Test
    void theInboxLinksToAFormOfferingOnlyThePartnershipsWhereTheNgoRecruits() throws Exception {
        String inbox = coordinator.get("/indbakke").body();

        assertThat(inbox).contains("href=\"/indbakke/registrer\"", "Registrér et barn uden henvisning",
                "(Forældrenes egen henvendelse)");

        HttpResponse<String> page = coordinator.get("/indbakke/registrer");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("lang=\"da\"", "<h1>Registrér et barn uden henvisning</h1>",
                "<option value=\"POWERKIDS-0751\">PowerKids – Aarhus Kommune</option>",
                "<label for=\"childAge\">", "<label for=\"postcode\">", "<label for=\"languages\">",
                "<label for=\"partnership\">", "Forældrenes egen henvendelse", "Organisationens opsøgende arbejde")
                .doesNotContain("POWERKIDS-0615", "EMPOWR-0240", "error-summary", "CPR-nummer\"");
    }

    @Test
    void aRegisteredChildsPageSaysHowTheChildCameAndAsksTheReferralServiceNothing() throws Exception {
        String referralId = "7c1e0b7e-0000-4000-8000-000000000001";

        HttpResponse<String> page = coordinator.get("/indbakke/" + referralId);

        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"own-source\">Forældrenes egen henvendelse</dd>")
                .doesNotContain("Henvisningens tekst kan ikke hentes lige nu.");
        assertThat(REFERRALS.receivedAt("/api/referrals/" + referralId + "/for-ngo")).isEmpty();
    }

    @Test
    void theServicesFieldErrorsAreSummarisedWithLinksToTheFieldsAndTheEntriesKept() throws Exception {
        NGO.answer(400, """
                {"type": "https://earlyhelp.dk/problems/validation", "title": "Invalid request", "status": 400,
                 "errors": [{"field": "childAge", "message": "must be less than or equal to 18"},
                            {"field": "languages[0]", "message": "must be two-letter language codes (ISO 639-1)"}]}""");
        HttpResponse<String> form = coordinator.get("/indbakke/registrer");

        HttpResponse<String> answer = coordinator.submit(form, "/indbakke/registrer", "partnership", "POWERKIDS-0751",
                "source", "PARENT_CONTACT", "childAge", "25", "childGender", "GIRL", "concerns", "LONELINESS",
                "concerns", "ANXIETY", "postcode", "8000", "languages", "arabisk", "urgency", "NORMAL");

        assertThat(answer.statusCode()).isEqualTo(200);
        assertThat(answer.body()).contains("id=\"error-summary\"", "Ret venligst følgende",
                "<a href=\"#childAge\">Skriv barnets alder som et tal fra 0 til 18.</a>",
                "<a href=\"#languages\">Skriv sprogkoder med to bogstaver, fx ar, so (højst fem).</a>",
                "id=\"childAge-error\"", "aria-describedby=\"childAge-error\" aria-invalid=\"true\"",
                "value=\"25\"", "value=\"arabisk\"", "value=\"LONELINESS\" checked");
        JsonNode sent = JSON.readTree(NGO.registrations().get(NGO.registrations().size() - 1));
        assertThat(sent.get("interventionCode").asText()).isEqualTo("POWERKIDS");
        assertThat(sent.get("municipalityCode").asText()).isEqualTo("0751");
        assertThat(sent.get("childAge").asInt()).isEqualTo(25);
        assertThat(sent.get("concerns").toString()).isEqualTo("[\"LONELINESS\",\"ANXIETY\"]");
        assertThat(sent.get("languages").toString()).isEqualTo("[\"arabisk\"]");
    }

    @Test
    void aModelThatDoesNotLetTheNgoRecruitIsExplainedAtThePartnership() throws Exception {
        NGO.answer(422, """
                {"type": "https://earlyhelp.dk/problems/ngo-may-not-recruit", "status": 422,
                 "title": "The collaboration model does not let the NGO recruit", "model": "B2_PARTNERSHIP_DELIVERY"}""");
        HttpResponse<String> form = coordinator.get("/indbakke/registrer");

        String body = coordinator.submit(form, "/indbakke/registrer", "partnership", "POWERKIDS-0751",
                "source", "NGO_OUTREACH", "childAge", "12", "childGender", "BOY", "concerns", "LONELINESS").body();

        assertThat(body).contains("<a href=\"#partnership\">Samarbejdsmodellen for dette tilbud og denne kommune",
                "id=\"partnership-error\"", "<option value=\"POWERKIDS-0751\" selected=\"selected\">");
    }

    @Test
    void aRegisteredChildLeadsToTheParentsConsentWithANotice() throws Exception {
        NGO.answer(201, "{\"referralId\": \"7c1e0b7e-0000-4000-8000-000000000001\", \"status\": \"RECEIVED\"}");
        HttpResponse<String> form = coordinator.get("/indbakke/registrer");

        HttpResponse<String> answer = coordinator.submit(form, "/indbakke/registrer", "partnership", "POWERKIDS-0751",
                "source", "PARENT_CONTACT", "childAge", "11", "childGender", "GIRL", "concerns", "PARENTAL_DIVORCE",
                "languages", "ar, SO", "urgency", "HIGH");

        assertThat(answer.uri().getPath()).isEqualTo("/indbakke/7c1e0b7e-0000-4000-8000-000000000001/samtykke");
        assertThat(answer.body()).contains("Barnet er registreret og står i indbakken.", "Forældrenes samtykke",
                "Forældrenes egen henvendelse");
        JsonNode sent = JSON.readTree(NGO.registrations().get(NGO.registrations().size() - 1));
        assertThat(sent.get("languages").toString()).isEqualTo("[\"ar\",\"so\"]");
        assertThat(sent.has("postcode")).as("a blank field is left out").isFalse();
        assertThat(sent.get("urgency").asText()).isEqualTo("HIGH");
    }

    @Test
    void aChildWithAProposedMentorAsksForTheFamilysAnswerInsteadOfADecision() throws Exception {
        assertThat(coordinator.get("/indbakke").body()).contains("href=\"/indbakke/" + PROPOSED + "\"",
                "Foreslået familien", ">Familiens svar</a>");

        String page = coordinator.get("/indbakke/" + PROPOSED).body();

        assertThat(page).contains("<h2 id=\"family-answer-title\">Familiens svar</h2>",
                "I har foreslået Frivillig 2 (Powerkids) som mentor.",
                "name=\"volunteerId\" value=\"demo-powerkids-v02\"", "<legend>Hvad svarede familien?</legend>",
                "<legend>Hvem svarede?</legend>", "<label for=\"answer-reason\">", "<label for=\"answeredOn\">",
                "<option value=\"CHEMISTRY\">Kemien passede ikke</option>")
                .doesNotContain("Gem beslutning", "answer-error-summary");
    }

    @Test
    void aNoWithoutAReasonIsNotSentAndTheEntriesAreKeptWithTheErrorNamed() throws Exception {
        int sent = NGO.registrations().size();
        HttpResponse<String> page = coordinator.get("/indbakke/" + PROPOSED);

        String body = coordinator.submit(page, "/indbakke/" + PROPOSED + "/familiens-svar", "volunteerId",
                "demo-powerkids-v02", "answer", "DECLINED", "answeredBy", "CHILD", "note", "Han ville hellere spille")
                .body();

        assertThat(NGO.registrations()).hasSize(sent);
        assertThat(body).contains("id=\"answer-error-summary\"",
                "<a href=\"#answer-reason\">Vælg en grund, når familien siger nej.</a>", "id=\"answer-reason-error\"",
                "aria-describedby=\"answer-reason-hint answer-reason-error\"", "value=\"DECLINED\" checked",
                "value=\"CHILD\" checked", ">Han ville hellere spille</textarea>");
    }

    @Test
    void theServicesRefusalOfTheDateIsNamedAtTheDateAndAYesSendsNoReason() throws Exception {
        NGO.answer(400, """
                {"type": "https://earlyhelp.dk/problems/validation", "title": "Invalid request", "status": 400,
                 "errors": [{"field": "answeredOn", "message": "must not be before the match on 2026-11-25"}]}""");
        HttpResponse<String> page = coordinator.get("/indbakke/" + PROPOSED);

        String body = coordinator.submit(page, "/indbakke/" + PROPOSED + "/familiens-svar", "volunteerId",
                "demo-powerkids-v02", "answer", "ACCEPTED", "answeredBy", "BOTH", "reason", "GENDER",
                "answeredOn", "2026-11-01").body();

        assertThat(body).contains("<a href=\"#answeredOn\">Datoen skal ligge fra matchet til i dag.</a>",
                "id=\"answeredOn-error\"", "value=\"2026-11-01\"");
        JsonNode request = JSON.readTree(NGO.registrations().get(NGO.registrations().size() - 1));
        assertThat(request.get("answer").asText()).isEqualTo("ACCEPTED");
        assertThat(request.has("reason")).as("a reason belongs to a no only").isFalse();
        assertThat(request.get("answeredOn").asText()).isEqualTo("2026-11-01");

        NGO.answer(200, "{\"referralId\": \"" + PROPOSED + "\", \"status\": \"MATCHED\"}");
        HttpResponse<String> saved = coordinator.submit(page, "/indbakke/" + PROPOSED + "/familiens-svar",
                "volunteerId", "demo-powerkids-v02", "answer", "ACCEPTED", "answeredBy", "BOTH");
        assertThat(saved.uri().getPath()).isEqualTo("/indbakke");
        assertThat(saved.body()).contains("Familien har sagt ja. Matchet står, og mentoren kan nu se barnet.");
    }

    @Test
    void theReferralFormKeepsItsFieldsFromTheFragmentTheRegistrationFormShares() throws Exception {
        BrowserSession teacher = new BrowserSession(BASE);
        teacher.logIn("laerer.aarhus", "demo");

        String body = teacher.get("/henvisninger/ny").body();

        assertThat(body).contains("<label for=\"firstName\">", "id=\"firstName\" name=\"firstName\"",
                "<label for=\"cpr\">", "id=\"cpr-hint\"", "aria-describedby=\"cpr-hint \"",
                "<label for=\"postcode\">");
    }

    @Test
    void englishHasItsOwnWords() throws Exception {
        BrowserSession english = new BrowserSession(BASE);
        english.logIn("koordinator.powerkids", "demo");

        String body = english.get("/indbakke/registrer?lang=en").body();

        assertThat(body).contains("lang=\"en\"", "<h1>Register a child without a referral</h1>",
                "Parents&#39; own contact", "The NGO&#39;s outreach", "Languages the volunteer must speak");
    }

    @Test
    void theRecruitmentSignalNamesTheLanguagesTheMissingMentorsMustSpeak() throws Exception {
        String body = coordinator.get("/kapacitet").body();

        assertThat(body).contains("Der mangler 3 mentorer, der taler arabisk, til børn på 10–13 år i Aarhus Kommune.",
                "Der mangler 1 mentorer, der taler somali eller arabisk, til børn på 15–15 år i Aarhus Kommune.");
    }
}
