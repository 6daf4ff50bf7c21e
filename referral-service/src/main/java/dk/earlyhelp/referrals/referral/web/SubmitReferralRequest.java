package dk.earlyhelp.referrals.referral.web;

import java.time.LocalDate;
import java.util.List;

import dk.earlyhelp.referrals.referral.Child;
import dk.earlyhelp.referrals.referral.ChildView;
import dk.earlyhelp.referrals.referral.ReferralManagement.NewReferral;
import dk.earlyhelp.referrals.referral.Urgency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** What a referrer sends to refer a child. Unknown fields are rejected (no mass assignment). */
public record SubmitReferralRequest(
        @NotNull @Valid ChildRequest child,
        @NotBlank @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an intervention code from the catalogue")
        String interventionCode,
        @NotEmpty @Size(max = 20) List<@Pattern(regexp = "[A-Z0-9_]{2,60}", message = "must be a concern code") String> concerns,
        Urgency urgency,
        @NotNull @Valid ChildViewRequest childView,
        @Schema(description = "false keeps the referral as a draft; default true") Boolean submit,
        @Schema(description = "true creates the referral although the child already has an open one")
        Boolean confirmDuplicate,
        @Schema(description = "id of an earlier referral of the same child (re-referral after a decline); "
                + "the child's identity is taken from it")
        @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a referral id") String basedOn) {

    public record ChildRequest(
            @Schema(description = "CPR number, DDMMYY-SSSS; stored encrypted, never shown again or shared")
            @Size(max = 11) String cpr,
            @NotBlank @Size(max = 100) String firstName,
            @NotBlank @Size(max = 100) String lastName,
            @Schema(description = "required without a CPR number") @Past LocalDate birthDate,
            @NotNull Child.Gender gender,
            @Size(max = 200) String school,
            @Pattern(regexp = "\\d{4}", message = "must be a Danish postcode of four digits") String postcode) {
    }

    /** The child's own view is required: what is hard, and what the child wishes for. */
    public record ChildViewRequest(
            @NotBlank @Size(max = 4000) String whatIsHard,
            @NotBlank @Size(max = 4000) String wishes) {
    }

    NewReferral toNewReferral() {
        return new NewReferral(child.cpr(), child.firstName().strip(), child.lastName().strip(), child.birthDate(),
                child.gender(), child.school(), child.postcode(), interventionCode, concerns,
                urgency == null ? Urgency.NORMAL : urgency,
                new ChildView(childView.whatIsHard().strip(), childView.wishes().strip()),
                submit == null || submit, confirmDuplicate != null && confirmDuplicate, basedOn);
    }
}
