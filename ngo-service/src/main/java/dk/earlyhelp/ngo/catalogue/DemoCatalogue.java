package dk.earlyhelp.ngo.catalogue;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the eight real collaborations of {@code catalog.json} (NGOs, municipalities, interventions)
 * as demo data at every start. Saving by code makes it idempotent: a restart updates the same
 * documents and never duplicates them, keeps what the administrator changed, and publishes every
 * intervention again so read models catch up. It runs first ({@link #ORDER}): the demo people and
 * groups are made from the catalogue.
 */
@Component
@ConditionalOnProperty(name = "earlyhelp.demo-data", havingValue = "true")
@Order(DemoCatalogue.ORDER)
public class DemoCatalogue implements ApplicationRunner {

    /** The demo data that builds on the catalogue runs after it. */
    public static final int ORDER = 100;

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final CatalogueManagement catalogue;
    private final JsonMapper json;

    DemoCatalogue(CatalogueManagement catalogue, JsonMapper json) {
        this.catalogue = catalogue;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        CatalogFile catalog;
        try (InputStream in = new ClassPathResource("demo/catalog.json").getInputStream()) {
            // The file says more than we keep (illustrative flags, follow-up rhythm, municipalities).
            catalog = json.readerFor(CatalogFile.class).without(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                    .readValue(in);
        }
        catalogue.save(catalog.ngos().stream().map(CatalogNgo::toNgo).toList(),
                catalog.municipalities().stream().map(CatalogMunicipality::toMunicipality).toList(),
                catalog.interventions().stream().map(CatalogIntervention::toIntervention).toList());
        log.info("Demo catalogue loaded: {} NGOs, {} municipalities, {} interventions", catalog.ngos().size(),
                catalog.municipalities().size(), catalog.interventions().size());
    }

    record CatalogFile(List<CatalogNgo> ngos, List<CatalogMunicipality> municipalities,
                       List<CatalogIntervention> interventions) {
    }

    record CatalogNgo(String code, String name, String staffing, String volunteerQualification, String focus) {

        Ngo toNgo() {
            return new Ngo(code, name, staffing, volunteerQualification, focus);
        }
    }

    record CatalogMunicipality(String code, String name) {

        Municipality toMunicipality() {
            return new Municipality(code, name);
        }
    }

    record CatalogIntervention(String code, String name, String ngo, List<String> municipalities, String model,
                               List<String> types, TargetGroup targetGroup, Format format, Capacity capacity,
                               String deliveredBy, List<String> measures, Boolean fidelityManual,
                               Map<String, ProgressSharing> progressSharing) {

        Intervention toIntervention() {
            return new Intervention(code, name, ngo, municipalities, model, types, targetGroup, format, capacity,
                    deliveredBy, measures, fidelityManual, progressSharing, List.of());
        }
    }
}
