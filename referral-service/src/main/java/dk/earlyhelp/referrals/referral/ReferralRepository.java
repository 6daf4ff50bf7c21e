package dk.earlyhelp.referrals.referral;

import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Referrals, always read within one municipality: the tenant predicate is part of every query. */
interface ReferralRepository extends MongoRepository<Referral, String> {

    Optional<Referral> findByIdAndMunicipalityCode(String id, String municipalityCode);

    List<Referral> findByMunicipalityCodeAndReferrerId(String municipalityCode, String referrerId, Sort sort);
}
