package dk.earlyhelp.ngo.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.springframework.core.io.ClassPathResource;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/** The rules an intervention's description must meet, against the demo catalogue and a few breaches. */
class InterventionRulesTests {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final CatalogueReference REFERENCE = new CatalogueReference(JSON);

    @Test
    void everyOfferOfTheDemoCatalogueMeetsEveryRuleSoItCanBeSavedUnchanged() throws Exception {
        DemoCatalogue.CatalogFile catalog;
        try (InputStream in = new ClassPathResource("demo/catalog.json").getInputStream()) {
            catalog = JSON.readerFor(DemoCatalogue.CatalogFile.class)
                    .without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).readValue(in);
        }
        Set<String> municipalities = catalog.municipalities().stream().map(DemoCatalogue.CatalogMunicipality::code)
                .collect(Collectors.toSet());

        for (DemoCatalogue.CatalogIntervention offer : catalog.interventions()) {
            Intervention intervention = offer.toIntervention();
            FieldErrors errors = InterventionRules.check(new InterventionDescription(intervention.name(),
                    intervention.types(), intervention.targetGroup(), intervention.format(), intervention.deliveredBy(),
                    intervention.measures(), intervention.fidelityManual(), 1, intervention.capacity()), REFERENCE,
                    municipalities);
            assertThat(errors.isEmpty()).as(offer.code()).isTrue();
        }
    }

    @Test
    void theSharedListsAreRead() {
        assertThat(REFERENCE.dimensions()).containsExactlyInAnyOrder("PSYCHOLOGICAL", "RELATIONAL", "SOCIAL",
                "COPING", "SELF_PERCEPTION", "SCHOOL", "SELF_HARM", "SUICIDAL_BEHAVIOUR");
        assertThat(REFERENCE.concerns()).contains("PARENTAL_DIVORCE", "OWN_SUICIDE_ATTEMPT").hasSize(16);
    }

    @Test
    void counsellingHasNoGroupsAndTwoSection52FlagsContradictEachOther() {
        InterventionDescription description = new InterventionDescription("Samtaler", List.of("INDIVIDUAL"),
                new TargetGroup(6, 17, null, List.of("ANXIETY"), null, null, null, true, true, null),
                new Format("COUNSELLING", 8, 7, null, 8, 6, null, null, null), "NGO", List.of("COPING"), false, 3,
                null);

        FieldErrors errors = InterventionRules.check(description, REFERENCE, Set.of("0751"));

        assertThat(errors.isEmpty()).isFalse();
        try {
            errors.throwIfAny();
        } catch (dk.earlyhelp.platform.problem.ProblemException problem) {
            assertThat(problem.getBody().getProperties().get("errors").toString()).contains("format.sessions",
                    "format.sessionEveryDays", "format.groupSizeMax", "targetGroup.excludesSection52");
        }
    }
}
