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
import dk.earlyhelp.ngo.catalogue.CollaborationModel;
import dk.earlyhelp.ngo.catalogue.Partnership;
import dk.earlyhelp.ngo.catalogue.PartnershipVersion;
import dk.earlyhelp.ngo.catalogue.ProgressSharing;
import dk.earlyhelp.ngo.catalogue.SteeringGroupMember;
import dk.earlyhelp.platform.security.CurrentCaller;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * Partnerships: those who take part in or steer one read it; the platform's administrator makes
 * them, changes their terms by new versions (never overwriting) and names their steering groups.
 */
@RestController
@RequestMapping("/api/ngo/partnerships")
class PartnershipController {

    private final CatalogueManagement catalogue;
    private final CatalogueAdministration administration;

    PartnershipController(CatalogueManagement catalogue, CatalogueAdministration administration) {
        this.catalogue = catalogue;
        this.administration = administration;
    }

    @GetMapping
    List<Partnership> partnerships() {
        return catalogue.partnerships(CurrentCaller.get());
    }

    @GetMapping("/{id}")
    Partnership partnership(@PathVariable String id) {
        return catalogue.partnership(CurrentCaller.get(), id);
    }

    @Operation(summary = "Makes a partnership of an intervention with a municipality (platform administrator)")
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the partnership exists with its first terms; the offer is published")
    @ApiResponse(responseCode = "409", description = "the partnership exists (partnership-exists)")
    ResponseEntity<Partnership> add(@Valid @RequestBody PartnershipRequest request) {
        Partnership partnership = administration.addPartnership(CurrentCaller.get(), request.interventionCode(),
                request.municipalityCode(), request.model(),
                request.progressSharing() == null ? ProgressSharing.PROGRESS_WITH_CONSENT : request.progressSharing(),
                text(request.reason()), members(request.steeringGroup()));
        return ResponseEntity.created(URI.create("/api/ngo/partnerships/" + partnership.id())).body(partnership);
    }

    @Operation(summary = "Every version of a partnership's terms, oldest first (platform administrator)")
    @GetMapping("/{id}/versions")
    List<PartnershipVersion> versions(@PathVariable String id) {
        return administration.history(CurrentCaller.get(), id);
    }

    @Operation(summary = "Changes a partnership's model or sharing policy by a new version from today, with "
            + "the reason (platform administrator)")
    @PostMapping("/{id}/versions")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "the new version applies; the offer is published")
    @ApiResponse(responseCode = "409", description = "changed by someone else meanwhile (concurrent-change)")
    @ApiResponse(responseCode = "422", description = "model and sharing policy are as they are (terms-unchanged)")
    Partnership changeTerms(@PathVariable String id, @Valid @RequestBody TermsRequest request) {
        return administration.changeTerms(CurrentCaller.get(), id, request.model(), request.progressSharing(),
                request.reason().strip());
    }

    @Operation(summary = "Replaces the members of a partnership's steering group (platform administrator)")
    @PutMapping("/{id}/steering-group")
    @ApiResponse(responseCode = "200", description = "the steering group as it is now")
    @ApiResponse(responseCode = "409", description = "changed by someone else meanwhile (concurrent-change)")
    Partnership steeringGroup(@PathVariable String id, @Valid @RequestBody SteeringGroupRequest request) {
        return administration.replaceSteeringGroup(CurrentCaller.get(), id, members(request.members()));
    }

    private static List<SteeringGroupMember> members(List<MemberRequest> members) {
        return members == null ? List.of() : members.stream().map(MemberRequest::toMember).toList();
    }

    private static String text(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }

    /** A new partnership with its first terms. */
    record PartnershipRequest(
            @NotBlank @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be an intervention code of the "
                    + "catalogue") String interventionCode,
            @NotBlank @Pattern(regexp = "\\d{4}", message = "must be a municipality code of four digits")
            String municipalityCode,
            @Schema(description = "who recruits and who delivers") @NotNull CollaborationModel model,
            @Schema(description = "what the NGO shares back about an individual child; PROGRESS_WITH_CONSENT when "
                    + "absent") ProgressSharing progressSharing,
            @Schema(description = "e.g. the agreement it rests on") @Size(max = 500) String reason,
            @Size(max = 20) List<@NotNull @Valid MemberRequest> steeringGroup) {
    }

    /** A partnership's new terms, and why. */
    record TermsRequest(
            @NotNull CollaborationModel model,
            @NotNull ProgressSharing progressSharing,
            @Schema(description = "why the terms change, e.g. the steering group's decision")
            @NotBlank @Size(max = 500) String reason) {
    }

    record SteeringGroupRequest(@NotNull @Size(max = 20) List<@NotNull @Valid MemberRequest> members) {
    }

    /** A member of a steering group: a leader of the municipality or of the NGO. */
    record MemberRequest(@NotBlank @Size(max = 100) String name,
                         @Schema(description = "e.g. Aarhus Kommune, Børn og Unge") @NotBlank @Size(max = 100)
                         String organisation,
                         @Schema(description = "e.g. Afdelingsleder") @Size(max = 100) String role) {

        SteeringGroupMember toMember() {
            return new SteeringGroupMember(name.strip(), organisation.strip(),
                    role == null || role.isBlank() ? null : role.strip());
        }
    }
}
