package dk.earlyhelp.consent.consent;

import java.util.List;
import java.util.Optional;

import org.springframework.data.mongodb.repository.MongoRepository;

/** Reads of consents, within one municipality (the controller), one registering NGO, or for one child. */
interface ConsentRepository extends MongoRepository<Consent, String> {

    Optional<Consent> findByIdAndMunicipalityCode(String id, String municipalityCode);

    List<Consent> findByChildId(String childId);

    /** A consent the municipality recorded itself (not one an NGO recorded for a child it registered). */
    Optional<Consent> findByIdAndMunicipalityCodeAndRegisteredByIsNull(String id, String municipalityCode);

    Optional<Consent> findByIdAndRegisteredBy(String id, String ngoCode);

    List<Consent> findByChildIdAndRegisteredByOrderByCreatedAtDesc(String childId, String ngoCode);

    List<Consent> findByChildIdAndMunicipalityCodeOrderByCreatedAtDesc(String childId, String municipalityCode);
}
