package dk.earlyhelp.ngo.inbox;

/**
 * In-process news that a referral placed in a group was withdrawn, so the group frees its seat.
 * Published after the write.
 */
public record LeftGroup(String referralId, String groupId) {
}
