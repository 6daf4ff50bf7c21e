package dk.earlyhelp.local.attacks;

/**
 * Who attacks: the principals, each a demo login (or the demo case system's client) of the
 * running system. The assigned volunteer mentors the Copenhagen child of the fixtures; the
 * unassigned one works for another NGO and has no child of the fixtures.
 */
enum Principal {

    TEACHER_AARHUS("laerer.aarhus", Role.MUNICIPAL_STAFF),
    CASEWORKER_COPENHAGEN("sagsbehandler.kbh", Role.MUNICIPAL_STAFF),
    POWERKIDS_COORDINATOR("koordinator.powerkids", Role.NGO_COORDINATOR),
    STROEM_COORDINATOR("koordinator.stroem", Role.NGO_COORDINATOR),
    ASSIGNED_VOLUNTEER("frivillig.stroem", Role.VOLUNTEER),
    UNASSIGNED_VOLUNTEER("frivillig.powerkids", Role.VOLUNTEER),
    STEERING_MEMBER("styregruppe.aarhus", Role.STEERING_GROUP),
    INTEGRATION_CLIENT("demo-case-system", Role.MUNICIPAL_STAFF),
    ANONYMOUS(null, null);

    /** The roles of the demo identities (the token's {@code roles} claim). */
    enum Role { MUNICIPAL_STAFF, NGO_COORDINATOR, VOLUNTEER, STEERING_GROUP }

    /** The subject of the principal's tokens, which audit records name as the actor. */
    final String subject;
    final Role role;

    Principal(String subject, Role role) {
        this.subject = subject;
        this.role = role;
    }

    boolean isClient() {
        return this == INTEGRATION_CLIENT;
    }
}
