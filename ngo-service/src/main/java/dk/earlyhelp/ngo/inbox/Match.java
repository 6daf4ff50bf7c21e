package dk.earlyhelp.ngo.inbox;

import java.time.Instant;

/**
 * The coordinator's confirmed match of a child with one of the NGO's people for a one-to-one
 * course: who, when and by whom. The person's place is held in their own document.
 */
public record Match(String volunteerId, Instant matchedAt, String matchedBy) {
}
