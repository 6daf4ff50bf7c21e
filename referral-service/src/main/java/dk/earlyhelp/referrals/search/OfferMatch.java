package dk.earlyhelp.referrals.search;

import dk.earlyhelp.referrals.eligibility.Eligibility;
import dk.earlyhelp.referrals.offer.Offer;

/** One offer and how the child fits it. */
public record OfferMatch(Offer offer, Eligibility eligibility) {
}
