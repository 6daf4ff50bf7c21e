package dk.earlyhelp.ngo.catalogue;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Service;

import dk.earlyhelp.platform.audit.AuditRecord;
import dk.earlyhelp.platform.audit.AuditTrail;
import dk.earlyhelp.platform.problem.ProblemException;
import dk.earlyhelp.platform.security.Caller;

/**
 * The catalogue: saving it tells the other services about every offer (through each
 * intervention's outbox); reads are scoped to what the caller's role and organisation may see.
 * The administrator's changes are {@link CatalogueAdministration}'s.
 */
@Service
public class CatalogueManagement {

    private final InterventionRepository interventions;
    private final NgoRepository ngos;
    private final MunicipalityRepository municipalities;
    private final InterventionWrites writes;
    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;
    private final AuditTrail audit;
    private final Clock clock;

    CatalogueManagement(InterventionRepository interventions, NgoRepository ngos,
            MunicipalityRepository municipalities, InterventionWrites writes, MongoTemplate mongo,
            ApplicationEventPublisher events, AuditTrail audit, Clock clock) {
        this.interventions = interventions;
        this.ngos = ngos;
        this.municipalities = municipalities;
        this.writes = writes;
        this.mongo = mongo;
        this.events = events;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Saves a catalogue file (the demo data) by code and records {@link InterventionPublished} for
     * every intervention, also an unchanged one, so read models elsewhere catch up. What the
     * administrator has changed since is kept as they left it (and only published again); the rest
     * is refreshed from the file. Each intervention is one atomic write that keeps events its outbox
     * has not relayed yet.
     */
    public void save(List<Ngo> newNgos, List<Municipality> newMunicipalities, List<Intervention> newInterventions) {
        newNgos.forEach(ngo -> refreshUnchanged(ngo.code(), new Update().set("name", ngo.name())
                .set("staffing", ngo.staffing()).set("volunteerQualification", ngo.volunteerQualification())
                .set("focus", ngo.focus()), Ngo.class));
        newMunicipalities.forEach(municipality -> refreshUnchanged(municipality.code(),
                new Update().set("name", municipality.name()), Municipality.class));
        Instant now = clock.instant();
        newInterventions.forEach(intervention -> writes.refreshFromCatalogueFile(intervention, now));
        events.publishEvent(new CatalogueSaved());
    }

    /** Writes the file's values where no administrator has changed the document (the insert then hits its _id). */
    private void refreshUnchanged(String code, Update update, Class<?> type) {
        try {
            mongo.upsert(Query.query(Criteria.where("_id").is(code).and("changedBy").exists(false)), update, type);
        } catch (DuplicateKeyException changedByTheAdministrator) {
            // kept as the administrator left it
        }
    }

    /** Every NGO of the catalogue, by code. */
    public List<Ngo> ngos() {
        return ngos.findAll().stream().sorted(Comparator.comparing(Ngo::code)).toList();
    }

    /** One NGO of the catalogue, e.g. for the qualification it requires of its people. */
    public Optional<Ngo> ngo(String code) {
        return ngos.findById(code);
    }

    /** Every municipality the catalogue knows, by code. */
    public List<Municipality> municipalities() {
        return municipalities.findAll().stream().sorted(Comparator.comparing(Municipality::code)).toList();
    }

    /** Every intervention of the catalogue, by name. */
    public List<Intervention> interventions() {
        return interventions.findAll().stream().sorted(Comparator.comparing(Intervention::name)).toList();
    }

    /** The partnerships the caller takes part in or steers; an administrator sees all. */
    public List<Partnership> partnerships(Caller caller) {
        Map<String, String> ngoNames = ngos.findAll().stream().collect(Collectors.toMap(Ngo::code, Ngo::name));
        return interventions.findAll().stream()
                .flatMap(intervention -> intervention.municipalitiesOrEmpty().stream()
                        .map(municipality -> Partnership.of(intervention, ngoNames.get(intervention.ngoCode()),
                                municipality)))
                .filter(partnership -> visibleTo(caller, partnership))
                .sorted(Comparator.comparing(Partnership::id))
                .toList();
    }

    /** The partnership of an intervention with one of its municipalities, whoever asks; empty if there is none. */
    public Optional<Partnership> partnership(String interventionCode, String municipalityCode) {
        return interventions.findById(interventionCode)
                .filter(intervention -> intervention.worksWith(municipalityCode))
                .map(intervention -> Partnership.of(intervention,
                        ngos.findById(intervention.ngoCode()).map(Ngo::name).orElse(null), municipalityCode));
    }

    /** One partnership; one the caller may not see answers exactly like one that does not exist. */
    public Partnership partnership(Caller caller, String id) {
        return partnerships(caller).stream().filter(partnership -> partnership.id().equals(id)).findFirst()
                .orElseThrow(() -> {
                    int dash = id.lastIndexOf('-');
                    if (dash > 0 && partnership(id.substring(0, dash), id.substring(dash + 1)).isPresent()) {
                        audit.record(caller, AuditRecord.Action.DENIED, "partnership", id, null);
                    }
                    return ProblemException.notFound("Partnership " + id);
                });
    }

    private static boolean visibleTo(Caller caller, Partnership partnership) {
        return caller.hasRole("ADMIN")
                || caller.partnerships().contains(partnership.id())
                || caller.belongsToNgo(partnership.ngoCode())
                || caller.belongsToMunicipality(partnership.municipalityCode());
    }
}
