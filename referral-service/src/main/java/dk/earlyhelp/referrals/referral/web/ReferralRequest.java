package dk.earlyhelp.referrals.referral.web;

import java.time.LocalDate;
import java.util.List;

import dk.earlyhelp.referrals.referral.Child;
import dk.earlyhelp.referrals.referral.ChildView;
import dk.earlyhelp.referrals.referral.CurrentSupport;
import dk.earlyhelp.referrals.referral.CustodyHolder;
import dk.earlyhelp.referrals.referral.ReferralManagement.NewReferral;
import dk.earlyhelp.referrals.referral.Urgency;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Past;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/**
 * What a referrer sends about a child. A draft may leave anything out, but what it gives must be
 * well-formed; a referral created as submitted must be complete (the {@link Complete} checks).
 * Unknown fields are rejected (no mass assignment).
 */
public record ReferralRequest(
        @NotNull(groups = Complete.class) @Valid ChildRequest child,
        @Schema(description = "one or two; at least one with a name and a phone number or e-mail to submit")
        @NotEmpty(groups = Complete.class) @Size(max = 2) List<@Valid CustodyHolderRequest> custodyHolders,
        @NotBlank(groups = Complete.class)
        @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an intervention code from the catalogue")
        String interventionCode,
        @NotEmpty(groups = Complete.class) @Size(max = 20)
        List<@Pattern(regexp = "[A-Z0-9_]{2,60}", message = "must be a concern code") String> concerns,
        Urgency urgency,
        @NotNull(groups = Complete.class) @Valid ChildViewRequest childView,
        CurrentSupport currentSupport,
        @Schema(description = "why to refer although a soft eligibility criterion fails; the NGO reads it, "
                + "so write it without the child's name")
        @Size(max = 2000) String overrideReason,
        @Schema(description = "false keeps the referral as a draft; default true") Boolean submit,
        @Schema(description = "true creates the referral although the child already has an open one")
        Boolean confirmDuplicate,
        @Schema(description = "id of an earlier referral of the same child (re-referral after a decline); "
                + "the child's identity is taken from it")
        @Pattern(regexp = "[0-9a-f-]{36}", message = "must be a referral id") String basedOn) {

    /** The checks a referral that is submitted at once must pass on top of the draft's. */
    public interface Complete {
    }

    public record ChildRequest(
            @Schema(description = "CPR number, DDMMYY-SSSS; stored encrypted, never shown again or shared")
            @Size(max = 11) String cpr,
            @NotBlank(groups = Complete.class) @Size(max = 100) String firstName,
            @NotBlank(groups = Complete.class) @Size(max = 100) String lastName,
            @Schema(description = "required without a CPR number") @Past LocalDate birthDate,
            @NotNull(groups = Complete.class) Child.Gender gender,
            @Size(max = 200) String school,
            @Pattern(regexp = "\\d{4}", message = "must be a Danish postcode of four digits") String postcode) {
    }

    /** A custody holder and how to reach them; stays in the referral service. */
    public record CustodyHolderRequest(
            @NotBlank(groups = Complete.class) @Size(max = 200) String name,
            @Pattern(regexp = "MOTHER|FATHER|OTHER", message = "must be MOTHER, FATHER or OTHER") String relation,
            @Pattern(regexp = "\\+?[0-9 ]{8,16}", message = "must be a phone number") String phone,
            @Email @Size(max = 200) String email) {

        CustodyHolder toCustodyHolder() {
            return new CustodyHolder(strip(name), relation, strip(phone), strip(email));
        }
    }

    /** The child's own view is required: what is hard, and what the child wishes for. */
    public record ChildViewRequest(
            @NotBlank(groups = Complete.class) @Size(max = 4000) String whatIsHard,
            @NotBlank(groups = Complete.class) @Size(max = 4000) String wishes) {
    }

    NewReferral toNewReferral(boolean submitNow) {
        ChildRequest given = child == null ? new ChildRequest(null, null, null, null, null, null, null) : child;
        ChildViewRequest view = childView == null ? new ChildViewRequest(null, null) : childView;
        return new NewReferral(given.cpr(), given.firstName(), given.lastName(), given.birthDate(),
                given.gender(), given.school(), given.postcode(),
                custodyHolders == null ? List.of() : custodyHolders.stream().map(CustodyHolderRequest::toCustodyHolder)
                        .toList(),
                interventionCode, concerns, urgency,
                new ChildView(strip(view.whatIsHard()), strip(view.wishes())), currentSupport,
                strip(overrideReason), submitNow, confirmDuplicate != null && confirmDuplicate, basedOn);
    }

    boolean submitNow() {
        return submit == null || submit;
    }

    private static String strip(String value) {
        return value == null ? null : value.strip();
    }
}
