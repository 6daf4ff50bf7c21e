package dk.earlyhelp.measurement.response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.core.io.ClassPathResource;
import org.springframework.data.mongodb.core.MongoTemplate;
import org.springframework.stereotype.Component;

import tools.jackson.databind.json.JsonMapper;

/**
 * Demo data of the run mode: the synthetic responses of the shared public fixture, imported once
 * (on the first start with an empty store), so steering groups see figures from the start.
 */
@Component
@ConditionalOnProperty(name = "earlyhelp.demo-data", havingValue = "true")
class DemoResponses implements ApplicationRunner {

    private final ResponseManagement responses;
    private final MongoTemplate mongo;
    private final JsonMapper json;

    DemoResponses(ResponseManagement responses, MongoTemplate mongo, JsonMapper json) {
        this.responses = responses;
        this.mongo = mongo;
        this.json = json;
    }

    @Override
    public void run(ApplicationArguments args) throws IOException {
        if (mongo.collectionExists(Response.class) && mongo.getCollection("responses").countDocuments() > 0) {
            return;
        }
        String ndjson;
        try (InputStream in = new ClassPathResource("demo/responses.ndjson").getInputStream()) {
            ndjson = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        Set<String> partnerships = ndjson.lines().filter(line -> !line.isBlank())
                .map(line -> json.readTree(line))
                .map(line -> line.get("intervention").asText() + "-" + line.get("municipality").asText())
                .collect(Collectors.toSet());
        responses.importFor(partnerships, ndjson);
    }
}
