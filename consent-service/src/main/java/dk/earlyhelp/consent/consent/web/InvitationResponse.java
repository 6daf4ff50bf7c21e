package dk.earlyhelp.consent.consent.web;

import java.time.Instant;

import dk.earlyhelp.consent.consent.Grantor;
import dk.earlyhelp.consent.consent.Invitation;

/** A personal link as staff see it: to whom (masked), what for, and what became of it; never its secret. */
public record InvitationResponse(String id, Grantor.Role role, Invitation.Kind kind, String maskedEmail,
                                 Instant sentAt, Instant expiresAt, Instant usedAt, Invitation.Outcome outcome) {

    public static InvitationResponse of(Invitation invitation) {
        return new InvitationResponse(invitation.id(), invitation.role(), invitation.kind(), invitation.maskedEmail(),
                invitation.sentAt(), invitation.expiresAt(), invitation.usedAt(), invitation.outcome());
    }
}
