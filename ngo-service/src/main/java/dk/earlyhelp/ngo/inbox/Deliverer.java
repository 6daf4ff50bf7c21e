package dk.earlyhelp.ngo.inbox;

/**
 * One of the people who deliver a child's course, as events name them: the NGO's id of the
 * volunteer or staff member and the pseudonym of the account they sign in with
 * ({@code SubjectPseudonym}), so measurement-service can let a volunteer answer only with their own
 * children. Never a name.
 *
 * @param subjectPseudonym null while the coordinator has linked no login to the person
 */
public record Deliverer(String volunteerId, String subjectPseudonym) {
}
