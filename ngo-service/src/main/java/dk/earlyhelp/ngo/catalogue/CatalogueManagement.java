package dk.earlyhelp.ngo.catalogue;

import java.util.Comparator;
import java.util.List;

import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/** Reads of the catalogue, each scoped to what the caller's role and organisation may see. */
@Service
public class CatalogueManagement {

    private final InterventionRepository interventions;

    CatalogueManagement(InterventionRepository interventions) {
        this.interventions = interventions;
    }

    /** Every intervention of the catalogue, by name. */
    public List<Intervention> interventions() {
        return interventions.findAll().stream().sorted(Comparator.comparing(Intervention::name)).toList();
    }

    /** The partnerships the caller takes part in or steers; an administrator sees all. */
    public List<Partnership> partnerships(Caller caller) {
        return interventions.findAll().stream()
                .flatMap(intervention -> intervention.municipalities().stream()
                        .map(municipality -> Partnership.of(intervention, municipality)))
                .filter(partnership -> visibleTo(caller, partnership))
                .sorted(Comparator.comparing(Partnership::id))
                .toList();
    }

    /** One partnership; one the caller may not see answers exactly like one that does not exist. */
    public Partnership partnership(Caller caller, String id) {
        return partnerships(caller).stream().filter(partnership -> partnership.id().equals(id)).findFirst()
                .orElseThrow(() -> ProblemException.notFound("Partnership " + id));
    }

    private static boolean visibleTo(Caller caller, Partnership partnership) {
        return caller.hasRole("ADMIN")
                || caller.partnerships().contains(partnership.id())
                || caller.belongsToNgo(partnership.ngoCode())
                || caller.belongsToMunicipality(partnership.municipalityCode());
    }
}
