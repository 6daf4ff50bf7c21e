package dk.earlyhelp.referrals.referral.web;

import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.Size;

/** Sending a draft; the body is optional. */
public record SubmitDraftRequest(
        @Schema(description = "true sends the referral although the child already has an open one")
        Boolean confirmDuplicate,
        @Schema(description = "why to refer although a soft eligibility criterion fails; the NGO reads it")
        @Size(max = 2000) String overrideReason) {
}
