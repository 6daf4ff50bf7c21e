package dk.earlyhelp.ngo.inbox;

/**
 * In-process news that a referral to this intervention was decided on, placed, matched, moved on or
 * withdrawn, so what is derived from the inbox (availability) is recomputed. Published after the
 * write; not for an arrival, which takes no place and is not waiting yet.
 */
public record InboxChanged(String interventionCode) {
}
