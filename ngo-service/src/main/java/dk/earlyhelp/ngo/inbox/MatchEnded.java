package dk.earlyhelp.ngo.inbox;

/**
 * In-process news that a matched child's course ended (completed, dropped out or withdrawn), or the
 * family declined the match, so
 * the person's one-to-one place is free again. Published after the write.
 */
public record MatchEnded(String referralId, String volunteerId) {
}
