package dk.earlyhelp.consent.consent;

import java.time.Instant;

/** One person who gave the consent, how, when and who collected it; identified by role, never by name here. */
public record Grantor(Role role, Method method, Instant at, String collectedBy) {

    public enum Role { CUSTODY_HOLDER, YOUNG_PERSON }

    public enum Method { SIGNED_PAPER, VERBAL_RECORDED, DIGITAL }
}
