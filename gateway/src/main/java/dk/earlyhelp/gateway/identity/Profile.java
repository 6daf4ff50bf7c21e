package dk.earlyhelp.gateway.identity;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a token says about its holder beyond the subject: role, organisation, partnerships and,
 * for municipal staff in a team, the team (a team lead sees the team's referrals).
 * The claim names are the contract with every service (see {@code dk.earlyhelp.platform.security.Caller}).
 */
public record Profile(String displayName, List<String> roles, String organisationType, String organisation,
                      List<String> partnerships, String staffRole, String team) {

    Map<String, Object> claims() {
        Map<String, Object> claims = new LinkedHashMap<>();
        claims.put("name", displayName);
        claims.put("roles", roles);
        claims.put("org_type", organisationType);
        claims.put("org", organisation);
        claims.put("partnerships", partnerships);
        if (staffRole != null) {
            claims.put("staff_role", staffRole);
        }
        if (team != null) {
            claims.put("team", team);
        }
        return claims;
    }
}
