package dk.earlyhelp.ngo.catalogue;

import org.springframework.data.mongodb.repository.MongoRepository;

public interface InterventionRepository extends MongoRepository<Intervention, String> {
}
