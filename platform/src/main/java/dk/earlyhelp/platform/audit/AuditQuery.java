package dk.earlyhelp.platform.audit;

import java.time.Instant;

/**
 * What an administrator searches the audit trail for; every part is optional and they combine.
 *
 * @param actor    the user or client who acted
 * @param subject  the data subject's pseudonym (a child)
 * @param resource the id of the object acted on
 * @param action   READ, CREATE, UPDATE or DENIED
 * @param decision PERMIT or DENY
 * @param from     from this moment (inclusive)
 * @param to       until this moment (exclusive)
 * @param limit    at most this many records, newest first
 */
public record AuditQuery(String actor, String subject, String resource, AuditRecord.Action action, String decision,
                         Instant from, Instant to, int limit) {
}
