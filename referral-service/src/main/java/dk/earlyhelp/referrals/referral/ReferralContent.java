package dk.earlyhelp.referrals.referral;

import java.util.ArrayList;
import java.util.List;

/**
 * What the referrer writes about the child and the wished offer. While the referral is a draft
 * any part may still be missing; {@link #missingForSubmission()} says what a submission needs.
 *
 * @param custodyHolders one or two; a submission needs at least one with a name and a phone number or e-mail
 * @param overrideReason the referrer's written reason for referring although a soft eligibility criterion fails
 */
public record ReferralContent(Child child, List<CustodyHolder> custodyHolders, String interventionCode,
                              List<String> concerns, Urgency urgency, ChildView childView,
                              CurrentSupport currentSupport, String overrideReason) {

    public ReferralContent {
        custodyHolders = custodyHolders == null ? List.of() : List.copyOf(custodyHolders);
        concerns = concerns == null ? List.of() : List.copyOf(concerns);
        urgency = urgency == null ? Urgency.NORMAL : urgency;
        childView = childView == null ? new ChildView(null, null) : childView;
        currentSupport = currentSupport == null ? CurrentSupport.UNKNOWN : currentSupport;
    }

    /** The same content with another override reason. */
    ReferralContent withOverrideReason(String reason) {
        return new ReferralContent(child, custodyHolders, interventionCode, concerns, urgency, childView,
                currentSupport, reason);
    }

    /** The fields, in the API's names, a submission still needs. */
    public List<String> missingForSubmission() {
        List<String> missing = new ArrayList<>();
        if (blank(child.firstName())) {
            missing.add("child.firstName");
        }
        if (blank(child.lastName())) {
            missing.add("child.lastName");
        }
        if (child.birthDate() == null) {
            missing.add("child.birthDate");
        }
        if (child.gender() == null) {
            missing.add("child.gender");
        }
        if (custodyHolders.stream().noneMatch(CustodyHolder::reachable)) {
            missing.add("custodyHolders");
        }
        if (blank(interventionCode)) {
            missing.add("interventionCode");
        }
        if (concerns.isEmpty()) {
            missing.add("concerns");
        }
        if (blank(childView.whatIsHard())) {
            missing.add("childView.whatIsHard");
        }
        if (blank(childView.wishes())) {
            missing.add("childView.wishes");
        }
        return missing;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
