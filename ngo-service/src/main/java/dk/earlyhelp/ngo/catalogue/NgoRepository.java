package dk.earlyhelp.ngo.catalogue;

import org.springframework.data.mongodb.repository.MongoRepository;

interface NgoRepository extends MongoRepository<Ngo, String> {
}
