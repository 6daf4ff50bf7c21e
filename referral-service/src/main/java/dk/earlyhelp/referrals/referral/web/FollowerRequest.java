package dk.earlyhelp.referrals.referral.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** Another professional around the child who is to follow the referral. */
public record FollowerRequest(
        @Schema(description = "the colleague's login e-mail, how they are known and told of changes")
        @NotBlank @Email @Size(max = 200) String email,
        @Schema(description = "their professional role, e.g. SCHOOL_PSYCHOLOGIST; a consent in force must name it")
        @NotBlank @Pattern(regexp = "[A-Z_]{2,40}", message = "must be a role code") String role) {
}
