package dk.earlyhelp.ngo.catalogue;

import org.springframework.data.mongodb.repository.MongoRepository;

interface MunicipalityRepository extends MongoRepository<Municipality, String> {
}
