package dk.earlyhelp.ngo.catalogue.web;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.ngo.capacity.Availability;
import dk.earlyhelp.ngo.capacity.AvailabilityManagement;
import dk.earlyhelp.ngo.catalogue.Capacity;
import dk.earlyhelp.ngo.catalogue.CatalogueAdministration;
import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.Format;
import dk.earlyhelp.ngo.catalogue.Intervention;
import dk.earlyhelp.ngo.catalogue.TargetGroup;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

/**
 * The catalogue of offers: public knowledge for every logged-in user, no data about any child. The
 * platform's administrator adds and changes offers; each change is published to the other services.
 */
@RestController
@RequestMapping("/api/ngo/interventions")
class InterventionController {

    private final CatalogueManagement catalogue;
    private final CatalogueAdministration administration;
    private final AvailabilityManagement availability;

    InterventionController(CatalogueManagement catalogue, CatalogueAdministration administration,
            AvailabilityManagement availability) {
        this.catalogue = catalogue;
        this.administration = administration;
        this.availability = availability;
    }

    @GetMapping
    List<InterventionResponse> interventions() {
        Map<String, Availability> byCode = availability.availability();
        return catalogue.interventions().stream()
                .map(intervention -> InterventionResponse.of(intervention, byCode.get(intervention.code())))
                .toList();
    }

    @Operation(summary = "Adds an intervention of an NGO, without partnerships yet (platform administrator)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the intervention is in the catalogue and published")
    @ApiResponse(responseCode = "409", description = "the code is in use (code-taken)")
    ResponseEntity<InterventionDetails> add(@Valid @RequestBody InterventionRequest request) {
        if (request.code() == null) {
            throw ProblemException.invalidField("code", "must not be blank");
        }
        Intervention intervention = administration.addIntervention(CurrentCaller.get(), request.code(),
                request.ngoCode(), request.toDescription());
        return ResponseEntity.created(URI.create("/api/ngo/interventions/" + intervention.code()))
                .body(InterventionDetails.of(intervention));
    }

    @Operation(summary = "The whole description of an intervention (platform administrator)")
    @GetMapping("/{code}")
    InterventionDetails intervention(@PathVariable String code) {
        return InterventionDetails.of(administration.intervention(CurrentCaller.get(), code));
    }

    @Operation(summary = "Replaces an intervention's description; code, NGO and partnerships stay (platform administrator)")
    @PutMapping("/{code}")
    @ApiResponse(responseCode = "200", description = "changed and published")
    @ApiResponse(responseCode = "409", description = "changed by someone else meanwhile (concurrent-change)")
    InterventionDetails change(@PathVariable String code, @Valid @RequestBody InterventionRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.invalidField("code", "is named by the path and cannot change");
        }
        return InterventionDetails.of(administration.changeIntervention(CurrentCaller.get(), code, request.ngoCode(),
                request.toDescription()));
    }

    /**
     * @param model        the model every partnership has; null when they differ (see the partnerships)
     * @param availability null until it has been computed
     */
    record InterventionResponse(String code, String name, String ngoCode, List<String> municipalities,
                                List<String> types, String model,
                                @JsonInclude(JsonInclude.Include.NON_NULL) Integer staircaseStep,
                                AvailabilityResponse availability) {

        static InterventionResponse of(Intervention intervention, Availability availability) {
            return new InterventionResponse(intervention.code(), intervention.name(), intervention.ngoCode(),
                    intervention.municipalities(), intervention.types(), intervention.commonModel(),
                    intervention.staircaseStep(), availability == null ? null : AvailabilityResponse.of(availability));
        }
    }

    /** Free places and the expected start of a child referred today: an estimate. */
    record AvailabilityResponse(int places, int freePlaces, int waiting, LocalDate expectedStart) {

        static AvailabilityResponse of(Availability availability) {
            return new AvailabilityResponse(availability.places(), availability.freePlaces(), availability.waiting(),
                    availability.expectedStart());
        }
    }

    /**
     * An intervention as the administrator changes it: every field of its description, its
     * partnerships' municipalities, and who changed it last (null: as the catalogue file gave it).
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record InterventionDetails(String code, String name, String ngoCode, List<String> municipalities,
                               List<String> types, TargetGroup targetGroup, Format format, String deliveredBy,
                               List<String> measures, boolean fidelityManual, Integer staircaseStep, Capacity capacity,
                               String changedBy, Instant changedAt) {

        static InterventionDetails of(Intervention intervention) {
            return new InterventionDetails(intervention.code(), intervention.name(), intervention.ngoCode(),
                    intervention.municipalities() == null ? List.of() : intervention.municipalities(),
                    intervention.types(), intervention.targetGroup(), intervention.format(),
                    intervention.deliveredBy(), intervention.measures(),
                    Boolean.TRUE.equals(intervention.fidelityManual()), intervention.staircaseStep(),
                    intervention.capacity(), intervention.changedBy(), intervention.changedAt());
        }
    }
}
