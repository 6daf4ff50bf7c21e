package dk.earlyhelp.ngo.inbox.web;

import java.time.LocalDate;

import dk.earlyhelp.ngo.inbox.Decision;
import dk.earlyhelp.ngo.inbox.InboxManagement.NewDecision;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A coordinator's decision on a referral. A decline needs a reason; a place on the waiting list an expected start. */
public record DecisionRequest(
        @NotNull Decision.Outcome decision,
        @Schema(description = "required when declining") Decision.DeclineReason reason,
        @Schema(description = "the NGO's own words; stays with the NGO") @Size(max = 2000) String explanation,
        @Schema(description = "a better offer for the child (bridge-building)")
        @Pattern(regexp = "[A-Z0-9_]{2,40}", message = "must be an intervention code from the catalogue")
        String suggestedInterventionCode,
        @Schema(description = "required when waitlisting") LocalDate expectedStart) {

    @AssertTrue(message = "is required when declining")
    @Schema(hidden = true)
    public boolean isReason() {
        return decision != Decision.Outcome.DECLINED || reason != null;
    }

    @AssertTrue(message = "is required when waitlisting")
    @Schema(hidden = true)
    public boolean isExpectedStart() {
        return decision != Decision.Outcome.WAITLISTED || expectedStart != null;
    }

    NewDecision toNewDecision() {
        return new NewDecision(decision, reason, explanation == null ? null : explanation.strip(),
                suggestedInterventionCode, expectedStart);
    }
}
