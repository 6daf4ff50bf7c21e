package dk.earlyhelp.consent.consent;

import java.util.Collection;
import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * Permit or deny, and under which consent version.
 *
 * @param consentId           the consent that permits the use; when it is permitted only in part, the one that
 *                            permits some of the categories named (the audit trail names what a read relied
 *                            on); null when nothing is permitted
 * @param consentVersion      that consent's version as its history numbers it ({@link ConsentVersion#number})
 * @param permittedCategories the requested categories that some consent in force for the NGO and purpose covers
 */
public record Decision(boolean permitted, String consentId, Integer consentVersion,
                       Set<DataCategory> permittedCategories) {

    /**
     * The decision itself, a pure function of the child's consents, the intended use and the rules:
     * default deny; permit only under a consent that {@link Consent#permits permits} the use on its
     * day. The requested categories some consent in force for the NGO and purpose covers are named,
     * so a caller can leave out only the fields outside them.
     */
    public static Decision of(Collection<Consent> consents, IntendedUse use, ConsentRules rules) {
        List<Consent> inForce = consents.stream()
                .filter(consent -> consent.covers(use.ngoCode(), use.purpose(), use.day(), rules))
                .toList();
        Set<DataCategory> permitted = EnumSet.noneOf(DataCategory.class);
        inForce.forEach(consent -> permitted.addAll(consent.categoriesOn(use.day(), rules)));
        permitted.retainAll(use.categories());
        return inForce.stream()
                .filter(consent -> consent.permits(use, rules))
                .findFirst()
                .map(consent -> new Decision(true, consent.id(), consent.versionNumber(), permitted))
                .orElseGet(() -> inForce.stream()
                        .filter(consent -> !Collections.disjoint(consent.categoriesOn(use.day(), rules), permitted))
                        .findFirst()
                        .map(consent -> new Decision(false, consent.id(), consent.versionNumber(), permitted))
                        .orElse(new Decision(false, null, null, permitted)));
    }
}
