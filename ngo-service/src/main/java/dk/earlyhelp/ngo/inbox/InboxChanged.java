package dk.earlyhelp.ngo.inbox;

/**
 * In-process news that a referral to this intervention arrived, was decided on or was withdrawn,
 * so what is derived from the inbox (availability) is recomputed. Published after the write.
 */
public record InboxChanged(String interventionCode) {
}
