package dk.earlyhelp.consent.link;

import dk.earlyhelp.consent.consent.Consent;
import dk.earlyhelp.consent.consent.Invitation;
import dk.earlyhelp.consent.grantee.Grantee;

/** What the holder of a personal link sees: the link, its state now, and the consent it is about. */
public record PersonalLink(Invitation invitation, Invitation.State state, Consent consent, Grantee grantee) {
}
