package dk.earlyhelp.referrals.referral;

import java.util.Collection;
import java.util.List;
import java.util.Optional;

import org.springframework.data.domain.Page;
import org.springframework.data.domain.Pageable;
import org.springframework.data.mongodb.repository.MongoRepository;

/** Reads of referrals, always within one municipality: the tenant predicate is part of every query. */
interface ReferralRepository extends MongoRepository<Referral, String> {

    Optional<Referral> findByIdAndMunicipalityCode(String id, String municipalityCode);

    Page<Referral> findByMunicipalityCodeAndReferrerIdAndStatusIn(String municipalityCode, String referrerId,
            Collection<ReferralStatus> statuses, Pageable page);

    Page<Referral> findByMunicipalityCodeAndReferrerTeamAndStatusIn(String municipalityCode, String team,
            Collection<ReferralStatus> statuses, Pageable page);

    List<Referral> findByMunicipalityCodeAndFollowersEmailOrderByCreatedAtDesc(String municipalityCode,
            String email);

    List<Referral> findByMunicipalityCodeAndChildPseudonym(String municipalityCode, String pseudonym);

    /** Whether the child has another open referral than {@code id} in the municipality. */
    boolean existsByMunicipalityCodeAndChildPseudonymAndStatusInAndIdNot(String municipalityCode, String pseudonym,
            Collection<ReferralStatus> statuses, String id);
}
