package dk.earlyhelp.referrals.eligibility;

import java.util.List;

/**
 * One criterion's result.
 *
 * @param hard      a failure blocks the referral (a safety rule); otherwise it may be overridden
 * @param reason    why, in English, for API clients
 * @param arguments the values the reason speaks of, for the portal to say it in the user's language
 */
public record CriterionResult(Criterion criterion, Outcome outcome, boolean hard, String reason,
                              List<String> arguments) {

    public enum Outcome { PASS, FAIL, UNKNOWN }

    public boolean failed() {
        return outcome == Outcome.FAIL;
    }
}
