package dk.earlyhelp.referrals.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.test.Api;
import dk.earlyhelp.platform.test.TestTokens;
import dk.earlyhelp.referrals.offer.TestCatalogue;

/**
 * Offer search and the eligibility check over real HTTP, on the read model the NGO service's
 * events build through the real broker.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class OfferSearchIntegrationTests {

    static final String TEACHER_AARHUS = TestTokens.municipalStaff("teacher-search", "0751");
    static final String HEALTH_VISITOR_ODENSE = TestTokens.municipalStaff("health-visitor-odense", "0461");

    @LocalServerPort
    int port;

    Api api;

    @BeforeEach
    void catalogue() {
        api = new Api(port);
        TestCatalogue.publish(api);
    }

    @Test
    void helpMeChooseRanksTheMunicipalitysOffersForTheChildWithAvailability() throws Exception {
        JsonNode offers = Api.body(api.get("/api/referrals/offers?age=10&gender=BOY&concerns=PARENTAL_DIVORCE",
                TEACHER_AARHUS), 200);

        assertThat(offers).extracting(offer -> offer.get("code").asText()).containsExactly("POWERKIDS", "CYKELHJELM");
        JsonNode powerkids = offers.get(0);
        assertThat(powerkids.at("/eligibility/verdict").asText()).isEqualTo("ELIGIBLE");
        assertThat(powerkids.at("/availability/expectedStart").asText()).isEqualTo("2026-12-09");
        assertThat(powerkids.at("/availability/freePlaces").asInt()).isEqualTo(3);
        assertThat(powerkids.get("ngoName").asText()).isEqualTo("Ungdommens Røde Kors Aarhus");
        assertThat(powerkids.at("/format/sessions").asInt()).isEqualTo(8);
        assertThat(offers.get(1).at("/eligibility/verdict").asText()).isEqualTo("OVERRIDE_REQUIRED");
        assertThat(offers.get(1).at("/eligibility/criteria/1/criterion").asText()).isEqualTo("CONCERNS");
        assertThat(offers.get(1).at("/eligibility/criteria/1/outcome").asText()).isEqualTo("FAIL");
    }

    @Test
    void filtersByInterventionTypeAndShowsOnlyTheCallersMunicipality() throws Exception {
        JsonNode individual = Api.body(api.get("/api/referrals/offers?type=INDIVIDUAL", TEACHER_AARHUS), 200);
        JsonNode copenhagen = Api.body(api.get("/api/referrals/offers",
                TestTokens.municipalStaff("caseworker", "0101")), 200);

        assertThat(individual).extracting(offer -> offer.get("code").asText()).containsExactly("CYKELHJELM");
        assertThat(copenhagen).extracting(offer -> offer.get("code").asText()).containsExactly("STROEM");
        assertThat(api.get("/api/referrals/offers?type=SOMETHING", TEACHER_AARHUS).statusCode()).isEqualTo(400);
        assertThat(api.get("/api/referrals/offers", TestTokens.ngoCoordinator("coordinator", "URK_AAR"))
                .statusCode()).isEqualTo(403);
    }

    @Test
    void checksOneOfferCriterionByCriterionAndNamesWhereToTurnOnAnExclusion() throws Exception {
        JsonNode excluded = Api.body(api.post("/api/referrals/eligibility", HEALTH_VISITOR_ODENSE, """
                {"interventionCode": "NEFOS_SUICIDE", "cpr": "140315-4123", "gender": "GIRL",
                 "concerns": ["RELATIVE_SUICIDAL_BEHAVIOUR", "OWN_SUICIDE_ATTEMPT"]}"""), 200);

        assertThat(excluded.at("/eligibility/verdict").asText()).isEqualTo("EXCLUDED");
        assertThat(excluded.at("/eligibility/referTo").asText()).contains("psychiatry");
        assertThat(excluded.at("/eligibility/criteria/0/hard").asBoolean()).isTrue();
        assertThat(excluded.at("/eligibility/criteria/1/arguments/2").asText()).as("age from the CPR number")
                .isEqualTo(String.valueOf(Period.between(LocalDate.of(2015, 3, 14),
                        LocalDate.now(ZoneId.of("Europe/Copenhagen"))).getYears()));
        assertThat(excluded.toString()).doesNotContain("140315");

        HttpResponse<String> elsewhere = api.post("/api/referrals/eligibility", TEACHER_AARHUS,
                "{\"interventionCode\": \"NEFOS_SUICIDE\"}");
        assertThat(elsewhere.statusCode()).isEqualTo(400);
        assertThat(elsewhere.body()).contains("\"field\":\"interventionCode\"");
        assertThat(api.post("/api/referrals/eligibility", TEACHER_AARHUS,
                "{\"interventionCode\": \"POWERKIDS\", \"cpr\": \"310299-1234\"}").body()).contains("\"field\":\"cpr\"");
    }
}
