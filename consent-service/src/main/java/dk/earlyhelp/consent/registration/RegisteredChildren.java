package dk.earlyhelp.consent.registration;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The children NGOs registered themselves, from {@code ngo.referral-received.v1} with a source of
 * the NGO's own. ngo-service registers a child only where the partnership's model lets the NGO
 * recruit (B1, B3), so a child here is one the NGO may ask the parents' consent for. One insert per
 * child: a redelivered event hits the id and changes nothing.
 */
@Service
public class RegisteredChildren {

    /** The sources of children the NGO registers itself (ngo-service's ReferralSource). */
    public static final List<String> SOURCES = List.of("PARENT_CONTACT", "NGO_OUTREACH");
    private static final Logger log = LoggerFactory.getLogger(RegisteredChildren.class);

    private final MongoTemplate mongo;

    RegisteredChildren(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The NGO registered a child; municipal referrals and events without the child's pseudonym are not ours. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void registered(RegisteredChild child) {
        if (!SOURCES.contains(child.source()) || child.childId() == null) {
            return;
        }
        try {
            mongo.insert(child);
            log.info("Child registered by {} as {}", child.ngoCode(), child.referralId());
        } catch (DuplicateKeyException alreadyKnown) {
            // a redelivery: the registration never changes
        }
    }

    /** The child's registration, if an NGO registered it. */
    public Optional<RegisteredChild> ofChild(String childId) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("childId").is(childId)),
                RegisteredChild.class));
    }

    /** The children NGOs registered in the municipality, oldest first. */
    public List<RegisteredChild> inMunicipality(String municipalityCode) {
        return mongo.find(Query.query(Criteria.where("municipalityCode").is(municipalityCode))
                .with(Sort.by("registeredAt")), RegisteredChild.class);
    }
}
