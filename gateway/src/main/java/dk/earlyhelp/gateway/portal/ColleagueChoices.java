package dk.earlyhelp.gateway.portal;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

import dk.earlyhelp.gateway.directory.Colleague;
import dk.earlyhelp.gateway.directory.ColleagueDirectory;
import dk.earlyhelp.platform.security.Caller;

/**
 * The referrer's colleagues to choose from when letting one follow a referral: searched in the user
 * directory within the referrer's own municipality, by name or by the role's label in the page's
 * language. Without a directory (none configured) the portal asks for the colleague's e-mail instead.
 */
@Component
class ColleagueChoices {

    /** The roles a follower can have, in the order the forms offer them. */
    static final List<String> ROLES = List.of("TEACHER", "PEDAGOGUE", "HEALTH_VISITOR", "SCHOOL_PSYCHOLOGIST",
            "SCHOOL_SOCIAL_WORKER", "SSP_CONSULTANT", "CASEWORKER");
    /** Shorter searches would list the whole municipality. */
    static final int MIN_LENGTH = 2;

    private final ObjectProvider<ColleagueDirectory> directory;
    private final MessageSource messages;

    ColleagueChoices(ObjectProvider<ColleagueDirectory> directory, MessageSource messages) {
        this.directory = directory;
        this.messages = messages;
    }

    boolean available() {
        return directory.getIfAvailable() != null;
    }

    /** The search's hits, or an empty list for a search too short to make. */
    List<Choice> search(Caller caller, String text) {
        ColleagueDirectory found = directory.getIfAvailable();
        if (found == null || text == null || text.strip().length() < MIN_LENGTH) {
            return List.of();
        }
        Locale locale = LocaleContextHolder.getLocale();
        String wanted = text.strip().toLowerCase(locale);
        Set<String> matchingRoles = ROLES.stream().filter(role -> label(role, locale).toLowerCase(locale)
                .contains(wanted)).collect(Collectors.toSet());
        return found.search(caller.organisation(), text, matchingRoles, caller.subject()).stream()
                .map(colleague -> new Choice(colleague.id(), colleague.name(), label(colleague.staffRole(), locale)))
                .toList();
    }

    /** The chosen colleague, if they are one of the caller's municipality. */
    Optional<Colleague> chosen(Caller caller, String id) {
        ColleagueDirectory found = directory.getIfAvailable();
        return found == null || id == null ? Optional.empty() : found.find(caller.organisation(), id);
    }

    private String label(String role, Locale locale) {
        return messages.getMessage("staffRole." + role, null, role, locale);
    }

    /** A colleague as the page lists them: no e-mail address needed to choose. */
    record Choice(String id, String name, String roleLabel) {
    }
}
