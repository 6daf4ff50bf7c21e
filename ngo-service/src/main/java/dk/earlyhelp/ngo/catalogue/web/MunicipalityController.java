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
import dk.earlyhelp.ngo.catalogue.Municipality;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** The municipalities partnerships can name: everyone logged in reads them; the administrator maintains them. */
@RestController
@RequestMapping("/api/ngo/municipalities")
class MunicipalityController {

    private final CatalogueManagement catalogue;
    private final CatalogueAdministration administration;

    MunicipalityController(CatalogueManagement catalogue, CatalogueAdministration administration) {
        this.catalogue = catalogue;
        this.administration = administration;
    }

    @GetMapping
    List<MunicipalityResponse> municipalities() {
        return catalogue.municipalities().stream().map(MunicipalityResponse::of).toList();
    }

    @Operation(summary = "Adds a municipality (platform administrator)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the municipality is in the catalogue")
    @ApiResponse(responseCode = "409", description = "the code is in use (code-taken)")
    ResponseEntity<MunicipalityResponse> add(@Valid @RequestBody MunicipalityRequest request) {
        if (request.code() == null) {
            throw ProblemException.invalidField("code", "must not be blank");
        }
        Municipality municipality = administration.addMunicipality(CurrentCaller.get(), request.code(),
                request.name().strip());
        return ResponseEntity.created(URI.create("/api/ngo/municipalities/" + municipality.code()))
                .body(MunicipalityResponse.of(municipality));
    }

    @Operation(summary = "Renames a municipality (platform administrator)")
    @PutMapping("/{code}")
    MunicipalityResponse rename(@PathVariable String code, @Valid @RequestBody MunicipalityRequest request) {
        if (request.code() != null && !request.code().equals(code)) {
            throw ProblemException.invalidField("code", "is named by the path and cannot change");
        }
        return MunicipalityResponse.of(administration.renameMunicipality(CurrentCaller.get(), code,
                request.name().strip()));
    }

    /** A municipality as the administrator names it. */
    record MunicipalityRequest(
            @Schema(description = "only when adding: the four-digit municipality code, e.g. 0751")
            @Pattern(regexp = "\\d{4}", message = "must be a municipality code of four digits") String code,
            @NotBlank @Size(max = 80) String name) {
    }

    record MunicipalityResponse(String code, String name) {

        static MunicipalityResponse of(Municipality municipality) {
            return new MunicipalityResponse(municipality.code(), municipality.name());
        }
    }
}
