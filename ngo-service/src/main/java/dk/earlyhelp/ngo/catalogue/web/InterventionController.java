package dk.earlyhelp.ngo.catalogue.web;

import java.util.List;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.Intervention;

/** The catalogue of offers: public knowledge for every logged-in user, no data about any child. */
@RestController
@RequestMapping("/api/ngo/interventions")
class InterventionController {

    private final CatalogueManagement catalogue;

    InterventionController(CatalogueManagement catalogue) {
        this.catalogue = catalogue;
    }

    @GetMapping
    List<InterventionResponse> interventions() {
        return catalogue.interventions().stream().map(InterventionResponse::of).toList();
    }

    record InterventionResponse(String code, String name, String ngoCode, List<String> municipalities,
                                List<String> types, String model) {

        static InterventionResponse of(Intervention intervention) {
            return new InterventionResponse(intervention.code(), intervention.name(), intervention.ngoCode(),
                    intervention.municipalities(), intervention.types(), intervention.model());
        }
    }
}
