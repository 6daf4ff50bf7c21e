package dk.earlyhelp.gateway.directory;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.stereotype.Component;

import dk.earlyhelp.gateway.identity.DemoIdentities;
import dk.earlyhelp.gateway.identity.Profile;

/**
 * The run mode's directory: the embedded identity provider's demo users, the same people the
 * Keycloak realm holds. Only users with the municipal staff role and a staff role count.
 */
@Component
@ConditionalOnProperty(name = "earlyhelp.identity.demo-identities", havingValue = "true")
class DemoColleagueDirectory implements ColleagueDirectory {

    @Override
    public List<Colleague> search(String municipalityCode, String text, Set<String> matchingRoles, String exceptId) {
        List<String> words = Arrays.stream(lower(text).split("\\s+")).filter(word -> !word.isBlank()).toList();
        if (words.isEmpty()) {
            return List.of();
        }
        return colleagues(municipalityCode)
                .filter(colleague -> !colleague.id().equals(exceptId))
                .filter(colleague -> matchingRoles.contains(colleague.staffRole())
                        || words.stream().allMatch(word -> lower(colleague.name()).contains(word)))
                .sorted(Comparator.comparing(Colleague::name))
                .limit(LIMIT)
                .toList();
    }

    @Override
    public Optional<Colleague> find(String municipalityCode, String id) {
        return colleagues(municipalityCode).filter(colleague -> colleague.id().equals(id)).findFirst();
    }

    private static java.util.stream.Stream<Colleague> colleagues(String municipalityCode) {
        return DemoIdentities.USERS.entrySet().stream()
                .filter(user -> isStaffOf(user.getValue(), municipalityCode))
                .map(user -> new Colleague(user.getKey(), user.getValue().displayName(),
                        DemoIdentities.email(user.getKey()), user.getValue().staffRole(), municipalityCode));
    }

    private static boolean isStaffOf(Profile profile, String municipalityCode) {
        return "MUNICIPALITY".equals(profile.organisationType()) && profile.organisation().equals(municipalityCode)
                && profile.roles().contains("MUNICIPAL_STAFF") && profile.staffRole() != null;
    }

    private static String lower(String text) {
        return text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
    }
}
