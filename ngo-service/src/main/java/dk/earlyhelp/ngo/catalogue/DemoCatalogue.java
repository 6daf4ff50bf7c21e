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
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Loads the eight real collaborations of {@code catalog.json} as demo data. Saving by code makes
 * it idempotent: a restart updates the same documents and never duplicates them.
 */
@Component
@ConditionalOnProperty(name = "earlyhelp.demo-data", havingValue = "true")
class DemoCatalogue implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final NgoRepository ngos;
    private final InterventionRepository interventions;
    private final JsonMapper json;

    DemoCatalogue(NgoRepository ngos, InterventionRepository interventions, JsonMapper json) {
        this.ngos = ngos;
        this.interventions = interventions;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        CatalogFile catalog;
        try (InputStream in = new ClassPathResource("demo/catalog.json").getInputStream()) {
            catalog = json.readValue(in, CatalogFile.class);
        }
        ngos.saveAll(catalog.ngos());
        interventions.saveAll(catalog.interventions().stream().map(CatalogIntervention::toIntervention).toList());
        log.info("Demo catalogue loaded: {} NGOs, {} interventions", catalog.ngos().size(),
                catalog.interventions().size());
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogFile(List<Ngo> ngos, List<CatalogIntervention> interventions) {
    }

    @com.fasterxml.jackson.annotation.JsonIgnoreProperties(ignoreUnknown = true)
    record CatalogIntervention(String code, String name, String ngo, List<String> municipalities, String model,
                               List<String> types, Map<String, Object> targetGroup, Map<String, Object> format,
                               String deliveredBy, List<String> measures) {

        Intervention toIntervention() {
            return new Intervention(code, name, ngo, municipalities, model, types, targetGroup, format, deliveredBy,
                    measures);
        }
    }
}
