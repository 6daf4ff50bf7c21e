package dk.earlyhelp.referrals.referral.web;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import dk.earlyhelp.referrals.referral.CurrentSupport;
import dk.earlyhelp.referrals.referral.Referral;
import dk.earlyhelp.referrals.referral.web.ReferralResponse.ChildViewResponse;

/** A referral as the NGO delivering the offer reads it: what it needs to decide, without the child's identity. */
public record NgoReferralResponse(String id, String status, String interventionCode, String municipalityCode,
                                  String referrerRole, Integer childAge, String childGender, List<String> concerns,
                                  String urgency, ChildViewResponse childView, CurrentSupport currentSupport,
                                  List<String> overriddenCriteria, String overrideReason) {

    static NgoReferralResponse of(Referral referral, Clock clock) {
        return new NgoReferralResponse(referral.id(), referral.status().name(), referral.interventionCode(),
                referral.municipalityCode(), referral.referrerRole(),
                referral.child().ageOn(LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")))),
                referral.child().gender().name(), referral.concerns(), referral.urgency().name(),
                new ChildViewResponse(referral.childView().whatIsHard(), referral.childView().wishes()),
                referral.currentSupport(), referral.overriddenCriteria(), referral.overrideReason());
    }
}
