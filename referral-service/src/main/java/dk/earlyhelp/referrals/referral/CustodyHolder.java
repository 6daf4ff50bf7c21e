package dk.earlyhelp.referrals.referral;

/**
 * A person with custody of the child and how to reach them: the NGO contacts them, and they give
 * (or withhold) consent. Stays in this service, like the child's name: never in events or logs.
 *
 * @param relation e.g. MOTHER, FATHER, OTHER
 */
public record CustodyHolder(String name, String relation, String phone, String email) {

    boolean reachable() {
        return name != null && !name.isBlank()
                && ((phone != null && !phone.isBlank()) || (email != null && !email.isBlank()));
    }
}
