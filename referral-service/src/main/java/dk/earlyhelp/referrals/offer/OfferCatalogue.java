package dk.earlyhelp.referrals.offer;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * Keeps the read model of offers up to date from the NGO's events and answers which offers a
 * municipality may refer to. Each write is conditional on being newer than what is stored, so
 * redelivered or out-of-order events change nothing.
 */
@Service
public class OfferCatalogue {

    private static final Logger log = LoggerFactory.getLogger(OfferCatalogue.class);

    private final MongoTemplate mongo;

    OfferCatalogue(MongoTemplate mongo) {
        this.mongo = mongo;
    }

    /** The NGO published (or changed) an offer's description. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void published(Offer description) {
        Update update = new Update()
                .set("name", description.name())
                .set("ngoCode", description.ngoCode())
                .set("ngoName", description.ngoName())
                .set("municipalities", description.municipalities())
                .set("model", description.model())
                .set("types", description.types())
                .set("targetGroup", description.targetGroup())
                .set("format", description.format())
                .set("deliveredBy", description.deliveredBy())
                .set("progressSharing", description.progressSharing())
                .set("models", description.models())
                .set("staircaseStep", description.staircaseStep())
                .set("publishedAt", description.publishedAt());
        if (upsertIfNewer(description.code(), "publishedAt", description.publishedAt(), update)) {
            log.info("Offer {} published for municipalities {}", description.code(), description.municipalities());
        }
    }

    /** The NGO's capacity estimate for an offer changed. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void availabilityChanged(String code, Availability availability) {
        upsertIfNewer(code, "availability.asOf", availability.asOf(), new Update().set("availability", availability));
    }

    /** The offers a municipality's staff may refer to, by name. */
    public List<Offer> availableIn(String municipalityCode) {
        return mongo.find(Query.query(Criteria.where("municipalities").is(municipalityCode)), Offer.class).stream()
                .sorted(Comparator.comparing(Offer::name))
                .toList();
    }

    /** The offer, if the municipality may refer to it. */
    public Optional<Offer> find(String code, String municipalityCode) {
        return Optional.ofNullable(mongo.findOne(Query.query(Criteria.where("_id").is(code)
                .and("municipalities").is(municipalityCode)), Offer.class));
    }

    /**
     * Whether the NGO may tell the municipality's referrers how an individual child's course goes,
     * by the partnership's sharing policy; an offer it does not know shares nothing.
     */
    public boolean sharesProgress(String code, String municipalityCode) {
        return find(code).map(offer -> offer.sharesProgressWith(municipalityCode)).orElse(false);
    }

    /** Any offer by code, for showing the name of one a referral points to. */
    public Optional<Offer> find(String code) {
        return Optional.ofNullable(mongo.findById(code, Offer.class));
    }

    private boolean upsertIfNewer(String code, String stampField, Instant stamp, Update update) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(code)
                .orOperator(Criteria.where(stampField).exists(false), Criteria.where(stampField).lt(stamp)));
        try {
            mongo.upsert(olderOrMissing, update, Offer.class);
            return true;
        } catch (DuplicateKeyException newerIsStored) {
            return false;
        }
    }
}
