package dk.earlyhelp.referrals.referral.web;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import dk.earlyhelp.referrals.consent.DataCategory;
import dk.earlyhelp.referrals.referral.CustodyHolder;
import dk.earlyhelp.referrals.referral.Referral;
import dk.earlyhelp.referrals.referral.SharedReferral;
import dk.earlyhelp.referrals.referral.web.ReferralResponse.ChildViewResponse;

/**
 * A referral as the NGO delivering the offer reads it: what it needs to decide and to contact the
 * family, as far as the consent allows now. Details outside the consent are left out (not null);
 * {@code withheld} names their categories and {@code withheldBecause} why. Never the CPR number.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NgoReferralResponse(String id, String status, String interventionCode, String municipalityCode,
                                  String referrerRole, Integer childAge, String childGender, String urgency,
                                  Instant sharedAt, List<String> overriddenCriteria,
                                  // CONCERNS
                                  List<String> concerns, String overrideReason,
                                  // CHILD_VIEW
                                  ChildViewResponse childView,
                                  // SCHOOL
                                  String school, Boolean schoolSupport,
                                  // FAMILY_SITUATION
                                  Boolean specialSupportMeasure,
                                  // CONTACT
                                  String childFirstName, List<CustodyHolder> custodyHolders,
                                  List<DataCategory> withheld, String withheldBecause) {

    static NgoReferralResponse of(SharedReferral shared, Clock clock) {
        Referral referral = shared.referral();
        boolean concerns = shared.readable(DataCategory.CONCERNS);
        boolean school = shared.readable(DataCategory.SCHOOL);
        boolean contact = shared.readable(DataCategory.CONTACT);
        return new NgoReferralResponse(referral.id(), referral.status().name(), referral.interventionCode(),
                referral.municipalityCode(), referral.referrerRole(),
                referral.child().ageOn(LocalDate.now(clock.withZone(ZoneId.of("Europe/Copenhagen")))),
                referral.child().gender().name(), referral.urgency().name(), referral.sharedAt(),
                referral.overriddenCriteria(),
                concerns ? referral.concerns() : null,
                concerns ? referral.overrideReason() : null,
                shared.readable(DataCategory.CHILD_VIEW)
                        ? new ChildViewResponse(referral.childView().whatIsHard(), referral.childView().wishes()) : null,
                school ? referral.child().school() : null,
                school ? referral.currentSupport().schoolSupport() : null,
                shared.readable(DataCategory.FAMILY_SITUATION) ? referral.currentSupport().specialSupportMeasure() : null,
                contact ? referral.child().firstName() : null,
                contact ? referral.custodyHolders() : null,
                shared.withheld().isEmpty() ? null : shared.withheld(),
                shared.withheldBecause());
    }
}
