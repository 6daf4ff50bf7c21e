package dk.earlyhelp.ngo.catalogue;

import java.util.Map;

/**
 * What the NGO shares back with the referrer about an individual child under one partnership
 * (DOMAIN.md, collaboration models): the course's progress, where the consent lets it
 * (PROGRESS_TO_REFERRER), or aggregates only, which some NGOs choose to keep a confidential space
 * for the child whatever the consent says.
 */
public enum ProgressSharing {
    PROGRESS_WITH_CONSENT, AGGREGATES_ONLY;

    /** A partnership's policy; one the catalogue does not state shares progress with consent. */
    static ProgressSharing of(Map<String, ProgressSharing> byMunicipality, String municipalityCode) {
        ProgressSharing stated = byMunicipality == null ? null : byMunicipality.get(municipalityCode);
        return stated == null ? PROGRESS_WITH_CONSENT : stated;
    }
}
