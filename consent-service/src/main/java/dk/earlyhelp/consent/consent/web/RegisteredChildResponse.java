package dk.earlyhelp.consent.consent.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Set;

import dk.earlyhelp.consent.consent.ConsentManagement;
import dk.earlyhelp.consent.consent.DataCategory;

/**
 * A child an NGO registered without a referral, as its municipality may know of it under the parents'
 * consent: the child's pseudonym, who registered it for which offer and how the child came, and the
 * consent it is known under. Codes only; nothing about the child beyond what the consent covers.
 *
 * @param source     PARENT_CONTACT or NGO_OUTREACH
 * @param categories the data categories the consent covers today
 */
public record RegisteredChildResponse(String childId, String ngoCode, String interventionCode, String source,
                                      Instant registeredAt, String consentId, LocalDate consentValidUntil,
                                      Set<DataCategory> categories) {

    static RegisteredChildResponse of(ConsentManagement.KnownRegisteredChild known) {
        return new RegisteredChildResponse(known.child().childId(), known.child().ngoCode(),
                known.child().interventionCode(), known.child().source(), known.child().registeredAt(),
                known.consent().id(), known.consent().validUntil(),
                ConsentResponse.sorted(known.categories(), DataCategory.class));
    }
}
