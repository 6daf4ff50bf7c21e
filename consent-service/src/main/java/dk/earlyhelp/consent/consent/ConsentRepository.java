package dk.earlyhelp.consent.consent;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Reads of consents, within one municipality (the controller) or for one child. */
interface ConsentRepository extends MongoRepository<Consent, String> {

    Optional<Consent> findByIdAndMunicipalityCode(String id, String municipalityCode);

    List<Consent> findByChildId(String childId);

    List<Consent> findByChildIdAndMunicipalityCodeOrderByCreatedAtDesc(String childId, String municipalityCode);
}
