package dk.earlyhelp.ngo.catalogue.web;

import java.net.URI;
import java.util.List;

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

import dk.earlyhelp.ngo.catalogue.CatalogueAdministration;
import dk.earlyhelp.ngo.catalogue.CatalogueManagement;
import dk.earlyhelp.ngo.catalogue.Ngo;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;

/** The catalogue's NGOs: everyone logged in reads them; the platform's administrator adds and changes them. */
@RestController
@RequestMapping("/api/ngo/ngos")
class NgoController {

    private final CatalogueManagement catalogue;
    private final CatalogueAdministration administration;

    NgoController(CatalogueManagement catalogue, CatalogueAdministration administration) {
        this.catalogue = catalogue;
        this.administration = administration;
    }

    @GetMapping
    List<NgoResponse> ngos() {
        return catalogue.ngos().stream().map(NgoResponse::of).toList();
    }

    @Operation(summary = "Adds an NGO (platform administrator)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the NGO is in the catalogue")
    @ApiResponse(responseCode = "409", description = "the code is in use (code-taken)")
    ResponseEntity<NgoResponse> add(@Valid @RequestBody NgoRequest request) {
        if (request.code() == null) {
            throw ProblemException.invalidField("code", "must not be blank");
        }
        Ngo ngo = administration.addNgo(CurrentCaller.get(), request.code(), request.details());
        return ResponseEntity.created(URI.create("/api/ngo/ngos/" + ngo.code())).body(NgoResponse.of(ngo));
    }

    @Operation(summary = "Changes an NGO (platform administrator); its interventions are published again")
    @PutMapping("/{code}")
    NgoResponse change(@PathVariable String code, @Valid @RequestBody NgoRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.invalidField("code", "is named by the path and cannot change");
        }
        return NgoResponse.of(administration.changeNgo(CurrentCaller.get(), code, request.details()));
    }

    record NgoResponse(String code, String name, String staffing, String volunteerQualification, String focus) {

        static NgoResponse of(Ngo ngo) {
            return new NgoResponse(ngo.code(), ngo.name(), ngo.staffing(), ngo.volunteerQualification(), ngo.focus());
        }
    }
}
