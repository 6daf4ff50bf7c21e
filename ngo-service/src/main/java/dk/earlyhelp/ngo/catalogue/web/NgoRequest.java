package dk.earlyhelp.ngo.catalogue.web;

import dk.earlyhelp.ngo.catalogue.CatalogueAdministration;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** An NGO as the administrator describes it. */
record NgoRequest(
        @Schema(description = "only when adding (the path names it when changing): capital letters, digits, _")
        @Pattern(regexp = "[A-Z][A-Z0-9_]{1,39}", message = "must be 2-40 capital letters, digits or _, "
                + "starting with a letter") String code,
        @NotBlank @Size(max = 120) String name,
        @NotNull Staffing staffing,
        @Schema(description = "what the NGO asks of the people who work with children")
        @NotNull Qualification volunteerQualification,
        @Size(max = 300) String focus) {

    enum Staffing { PAID_STAFF, PAID_AND_VOLUNTEERS, MOSTLY_VOLUNTEERS }

    enum Qualification { PROFESSIONAL, IN_RELEVANT_EDUCATION, TRAINED_BY_NGO, APPROVED_NO_TRAINING, PERSONAL_FIT }

    CatalogueAdministration.NgoDetails details() {
        return new CatalogueAdministration.NgoDetails(name.strip(), staffing.name(), volunteerQualification.name(),
                focus == null || focus.isBlank() ? null : focus.strip());
    }
}
