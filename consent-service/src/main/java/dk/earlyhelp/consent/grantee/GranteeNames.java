package dk.earlyhelp.consent.grantee;

import java.util.List;
import java.util.Optional;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Keeps the names of interventions and their NGOs from the catalogue's events, and names a
 * consent's grantee with them. Each write is conditional on being newer than what is stored, so
 * redelivered or out-of-order events change nothing.
 */
@Service
public class GranteeNames {

    private final MongoTemplate mongo;

    GranteeNames(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The NGO published (or renamed) an intervention. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void published(InterventionName names) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(names.interventionCode())
                .orOperator(Criteria.where("publishedAt").exists(false), Criteria.where("publishedAt").lt(names.publishedAt())));
        Update update = new Update().set("name", names.name()).set("ngoCode", names.ngoCode())
                .set("ngoName", names.ngoName()).set("publishedAt", names.publishedAt());
        try {
            mongo.upsert(olderOrMissing, update, InterventionName.class);
        } catch (DuplicateKeyException newerIsStored) {
            // the same or a newer description is already here
        }
    }

    public Optional<InterventionName> intervention(String interventionCode) {
        return interventionCode == null ? Optional.empty()
                : Optional.ofNullable(mongo.findById(interventionCode, InterventionName.class));
    }

    /** An NGO's name as the catalogue last gave it, if it published an intervention. */
    public Optional<String> ngoName(String ngoCode) {
        return ngoCode == null ? Optional.empty()
                : Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("ngoCode").is(ngoCode)),
                        InterventionName.class)).map(InterventionName::ngoName);
    }

    /**
     * The grantee a consent names: the intervention's NGO if it is among the grantees, else the first
     * grantee; each by name when known, by code otherwise.
     */
    public Grantee describe(List<String> ngoCodes, String interventionCode) {
        Optional<InterventionName> intervention = intervention(interventionCode);
        String ngoCode = intervention.map(InterventionName::ngoCode).filter(ngoCodes::contains).orElse(ngoCodes.get(0));
        String ngoName = intervention.filter(known -> ngoCode.equals(known.ngoCode()))
                .or(() -> Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("ngoCode").is(ngoCode)),
                        InterventionName.class)))
                .map(InterventionName::ngoName).orElse(ngoCode);
        String interventionName = interventionCode == null ? null
                : intervention.map(InterventionName::name).orElse(interventionCode);
        return new Grantee(ngoCode, ngoName, interventionCode, interventionName);
    }
}
