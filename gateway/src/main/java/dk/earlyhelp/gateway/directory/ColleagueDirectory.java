package dk.earlyhelp.gateway.directory;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** Colleagues of one municipality, never of another. */
public interface ColleagueDirectory {

    /** How many colleagues one search shows at most; a longer list asks for a narrower search. */
    int LIMIT = 20;

    /**
     * The municipality's professionals whose name, or role, matches every word of {@code text}, by
     * name, leaving out {@code exceptId} (the one searching).
     *
     * @param matchingRoles the staff roles whose label (in the searcher's language) contains the text
     */
    List<Colleague> search(String municipalityCode, String text, Set<String> matchingRoles, String exceptId);

    /** One colleague of the municipality by id; empty for anyone else. */
    Optional<Colleague> find(String municipalityCode, String id);
}
