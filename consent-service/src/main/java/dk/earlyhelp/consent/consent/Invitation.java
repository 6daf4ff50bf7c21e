package dk.earlyhelp.consent.consent;

import java.time.Instant;
import java.util.UUID;

/**
 * A personal link mailed to one grantor: to give or refuse the consent, or, after giving, to
 * withdraw it (CONSENT.md rule 5). It lives in the consent's document, so using a link and the
 * change it makes are one atomic write and a link works once. Only the SHA-256 hash of the link's
 * secret is kept, and the plain e-mail address only until the last mail to it has gone out.
 *
 * @param email       the address, while a mail may still go to it; then null
 * @param maskedEmail the address as staff see it, e.g. {@code m***@example.org}
 * @param sentAt      when the mail with the link went out; null while a withdrawal link waits for its mail
 * @param mailTriedAt the last attempt to mail a withdrawal link (a new secret each attempt)
 */
public record Invitation(String id, Grantor.Role role, Kind kind, String language, String tokenHash, String email,
                         String maskedEmail, Instant sentAt, Instant expiresAt, Instant usedAt, Outcome outcome,
                         Instant mailTriedAt, int mailAttempts) {

    /** After this many failed attempts a withdrawal link's mail is given up (and its address forgotten). */
    public static final int MAX_MAIL_ATTEMPTS = 8;

    public enum Kind { GIVE, WITHDRAW }

    public enum State { OPEN, USED, EXPIRED }

    public enum Outcome { GIVEN, REFUSED, WITHDRAWN }

    /** A link to give or refuse the consent, mailed at {@code sentAt}. */
    public static Invitation toGive(Grantor.Role role, String tokenHash, String email, String language, Instant sentAt,
            Instant expiresAt) {
        return new Invitation(UUID.randomUUID().toString(), role, Kind.GIVE, language, tokenHash, email, mask(email),
                sentAt, expiresAt, null, null, sentAt, 1);
    }

    public State state(Instant now) {
        if (usedAt != null) {
            return State.USED;
        }
        return now.isBefore(expiresAt) ? State.OPEN : State.EXPIRED;
    }

    /** {@code maria@example.org} becomes {@code m***@example.org}. */
    static String mask(String email) {
        int at = email.lastIndexOf('@');
        return email.charAt(0) + "***" + email.substring(at);
    }

    Invitation used(Outcome result, Instant now) {
        return new Invitation(id, role, kind, language, tokenHash, email, maskedEmail, sentAt, expiresAt, now, result,
                mailTriedAt, mailAttempts);
    }

    Invitation withoutEmail() {
        return new Invitation(id, role, kind, language, tokenHash, null, maskedEmail, sentAt, expiresAt, usedAt,
                outcome, mailTriedAt, mailAttempts);
    }

    Invitation sent(Instant now) {
        return new Invitation(id, role, kind, language, tokenHash, null, maskedEmail, now, expiresAt, usedAt, outcome,
                mailTriedAt, mailAttempts);
    }

    Invitation retried(String newTokenHash, Instant now) {
        return new Invitation(id, role, kind, language, newTokenHash, email, maskedEmail, sentAt, expiresAt, usedAt,
                outcome, now, mailAttempts + 1);
    }

    /** Whether a mail will still go to the address, or it may still be needed for the confirmation. */
    boolean needsEmail(ConsentStatus status, Instant now) {
        if (email == null || usedAt != null || !now.isBefore(expiresAt)) {
            return false;
        }
        return kind == Kind.GIVE
                ? status == ConsentStatus.DRAFT || status == ConsentStatus.ACTIVE && role == Grantor.Role.YOUNG_PERSON
                : sentAt == null && mailAttempts < MAX_MAIL_ATTEMPTS
                        && (status == ConsentStatus.DRAFT || status == ConsentStatus.ACTIVE);
    }
}
