package dk.earlyhelp.platform.security;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.security.oauth2.jwt.Jwt;

/**
 * The authenticated caller as the identity provider describes it in the access token's claims.
 *
 * @param subject      stable user or client id ({@code sub})
 * @param roles        e.g. {@code MUNICIPAL_STAFF}, {@code NGO_COORDINATOR}
 * @param organisationType {@code MUNICIPALITY}, {@code NGO} or {@code PLATFORM}
 * @param organisation municipality code ("0751"), NGO code ("URK_AAR") or "PLATFORM"
 * @param partnerships partnership ids the caller may see aggregates of, e.g. "POWERKIDS-0751"
 * @param staffRole    the municipal professional's role (TEACHER, CASEWORKER, ...), if any
 * @param email        where the person is told of changes (standard OIDC {@code email} claim); null for clients
 * @param team         the municipal team the person works in, if any; a team lead sees the team's referrals
 */
public record Caller(String subject, Set<String> roles, String organisationType, String organisation,
                     Set<String> partnerships, String staffRole, String email, String team) {

    /** The professional role that sees the referrals of their whole team. */
    public static final String TEAM_LEAD = "TEAM_LEAD";

    public static final String ROLES = "roles";
    public static final String ORGANISATION_TYPE = "org_type";
    public static final String ORGANISATION = "org";
    public static final String PARTNERSHIPS = "partnerships";
    public static final String STAFF_ROLE = "staff_role";
    public static final String EMAIL = "email";
    public static final String TEAM = "team";

    /** The caller a validated token describes; a token never carries {@link SystemWork#ROLE}, whatever it claims. */
    public static Caller from(Jwt jwt) {
        Set<String> roles = list(jwt, ROLES).stream().filter(role -> !SystemWork.ROLE.equals(role))
                .collect(Collectors.toUnmodifiableSet());
        return new Caller(jwt.getSubject(), roles, jwt.getClaimAsString(ORGANISATION_TYPE),
                jwt.getClaimAsString(ORGANISATION), Set.copyOf(list(jwt, PARTNERSHIPS)),
                jwt.getClaimAsString(STAFF_ROLE), jwt.getClaimAsString(EMAIL), jwt.getClaimAsString(TEAM));
    }

    /** The platform itself as the actor of work no person asked for (a job, another service's event), for the audit trail. */
    public static Caller system(String subject) {
        return new Caller(subject, Set.of(SystemWork.ROLE), "PLATFORM", "PLATFORM", Set.of(), null, null, null);
    }

    public boolean hasRole(String role) {
        return roles.contains(role);
    }

    public boolean belongsToMunicipality(String municipalityCode) {
        return "MUNICIPALITY".equals(organisationType) && organisation != null && organisation.equals(municipalityCode);
    }

    public boolean leadsTeam() {
        return TEAM_LEAD.equals(staffRole) && team != null;
    }

    public boolean belongsToNgo(String ngoCode) {
        return "NGO".equals(organisationType) && organisation != null && organisation.equals(ngoCode);
    }

    /** The caller's subject as events name it: {@link SubjectPseudonym}. */
    public String subjectPseudonym() {
        return SubjectPseudonym.of(subject);
    }

    private static List<String> list(Jwt jwt, String claim) {
        List<String> values = jwt.getClaimAsStringList(claim);
        return values == null ? List.of() : values;
    }
}
