package dk.earlyhelp.ngo.catalogue.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import dk.earlyhelp.ngo.capacity.Availability;
import dk.earlyhelp.ngo.capacity.AvailabilityManagement;
import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.Intervention;

/** The catalogue of offers: public knowledge for every logged-in user, no data about any child. */
@RestController
@RequestMapping("/api/ngo/interventions")
class InterventionController {

    private final CatalogueManagement catalogue;
    private final AvailabilityManagement availability;

    InterventionController(CatalogueManagement catalogue, AvailabilityManagement availability) {
        this.catalogue = catalogue;
        this.availability = availability;
    }

    @GetMapping
    List<InterventionResponse> interventions() {
        Map<String, Availability> byCode = availability.availability();
        return catalogue.interventions().stream()
                .map(intervention -> InterventionResponse.of(intervention, byCode.get(intervention.code())))
                .toList();
    }

    /** @param availability null until it has been computed */
    record InterventionResponse(String code, String name, String ngoCode, List<String> municipalities,
                                List<String> types, String model, AvailabilityResponse availability) {

        static InterventionResponse of(Intervention intervention, Availability availability) {
            return new InterventionResponse(intervention.code(), intervention.name(), intervention.ngoCode(),
                    intervention.municipalities(), intervention.types(), intervention.model(),
                    availability == null ? null : AvailabilityResponse.of(availability));
        }
    }

    /** Free places and the expected start of a child referred today: an estimate. */
    record AvailabilityResponse(int places, int freePlaces, int waiting, LocalDate expectedStart) {

        static AvailabilityResponse of(Availability availability) {
            return new AvailabilityResponse(availability.places(), availability.freePlaces(), availability.waiting(),
                    availability.expectedStart());
        }
    }
}
