package dk.earlyhelp.ngo.inbox.web;

import java.util.List;

import dk.earlyhelp.ngo.inbox.ReferralSource;
import dk.earlyhelp.ngo.inbox.RegistrationManagement.NewRegistration;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * A child who came without a municipal referral, as the coordinator registers them: what the NGO's
 * work needs and no more. There is no field for a name or a CPR number (unknown fields are refused).
 */
public record RegistrationRequest(
        @NotNull @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an intervention code from the catalogue")
        String interventionCode,
        @Schema(description = "the municipality of the partnership the child belongs to")
        @NotNull @Pattern(regexp = "[0-9]{4}", message = "must be a four-digit municipality code")
        String municipalityCode,
        @Schema(description = "PARENT_CONTACT or NGO_OUTREACH") @NotNull ReferralSource source,
        @NotNull @Min(0) @Max(18) Integer childAge,
        @NotNull @Pattern(regexp = "GIRL|BOY|OTHER", message = "must be GIRL, BOY or OTHER") String childGender,
        @Schema(description = "concern codes of the catalogue")
        @NotEmpty @Size(max = 16)
        List<@Pattern(regexp = "[A-Z_]{2,60}", message = "must be concern codes of the catalogue") String> concerns,
        @Schema(description = "where the child lives, for the distance to a mentor")
        @Pattern(regexp = "[0-9]{4}", message = "must be a four-digit Danish postcode") String postcode,
        @Schema(description = "languages the child needs the person working with them to speak, ISO 639-1")
        @Size(max = 5)
        List<@Pattern(regexp = "[a-z]{2}", message = "must be two-letter language codes (ISO 639-1)") String> languages,
        @Schema(description = "NORMAL when absent")
        @Pattern(regexp = "NORMAL|HIGH", message = "must be NORMAL or HIGH") String urgency) {

    NewRegistration toNewRegistration() {
        return new NewRegistration(interventionCode, municipalityCode, source, childAge, childGender,
                List.copyOf(concerns), postcode, languages, urgency == null ? "NORMAL" : urgency);
    }
}
