package dk.earlyhelp.measurement.catalogue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Service;

/**
 * The catalogue read model. A write is conditional on being newer than what is stored, so
 * redelivered or out-of-order events change nothing.
 */
@Service
public class Catalogue {

    private static final Logger log = LoggerFactory.getLogger(Catalogue.class);

    private final MongoTemplate mongo;
    private final ApplicationEventPublisher events;

    Catalogue(MongoTemplate mongo, ApplicationEventPublisher events) {
        this.mongo = mongo;
        this.events = events;
    }

    /** The NGO published (or changed) an intervention. */
    @PreAuthorize("hasRole('SYSTEM')")
    public void published(Intervention intervention) {
        Query olderOrMissing = Query.query(Criteria.where("_id").is(intervention.code())
                .orOperator(Criteria.where("publishedAt").exists(false),
                        Criteria.where("publishedAt").lt(intervention.publishedAt())));
        Update update = new Update()
                .set("ngoCode", intervention.ngoCode())
                .set("municipalities", intervention.municipalities())
                .set("types", intervention.types())
                .set("measures", intervention.measures())
                .set("fidelityManual", intervention.fidelityManual())
                .set("publishedAt", intervention.publishedAt());
        try {
            mongo.upsert(olderOrMissing, update, Intervention.class);
            log.info("Intervention {} known for municipalities {}", intervention.code(), intervention.municipalities());
            events.publishEvent(new CatalogueChanged(intervention.code(), intervention.publishedAt()));
        } catch (DuplicateKeyException newerIsStored) {
            log.debug("Ignored an older description of {}", intervention.code());
        }
    }

    public Optional<Intervention> find(String code) {
        return Optional.ofNullable(code == null ? null : mongo.findById(code, Intervention.class));
    }

    /** Every known intervention by code; a handful, so read whole. */
    public Map<String, Intervention> all() {
        return mongo.findAll(Intervention.class).stream()
                .collect(Collectors.toMap(Intervention::code, Function.identity()));
    }

    /** Every partnership code ({@code INTERVENTION-MUNICIPALITY}) of the catalogue. */
    public List<String> partnerships() {
        return all().values().stream()
                .flatMap(intervention -> intervention.municipalities().stream()
                        .map(municipality -> intervention.code() + "-" + municipality))
                .sorted()
                .toList();
    }

    /** Sent inside the service after an intervention became known or changed. */
    public record CatalogueChanged(String interventionCode, Instant publishedAt) {
    }
}
