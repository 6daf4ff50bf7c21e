package dk.earlyhelp.ngo.catalogue;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.context.SpringBootTest;

import com.fasterxml.jackson.databind.JsonNode;

import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.test.Contracts;
import dk.earlyhelp.platform.test.EventProbe;

/** The demo catalogue is published at start, one event per intervention, with typed target groups. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "earlyhelp.demo-data=true")
class InterventionPublishedIntegrationTests {

    static final List<String> DEMO_INTERVENTIONS = List.of("CYKELHJELM", "KLUB_MOVE", "MENTORNETVAERKET",
            "POWERKIDS", "EMPOWR", "SAMTALEGRUPPER", "STROEM", "NEFOS_SUICIDE");

    @Test
    void everyInterventionOfTheDemoCatalogueIsPublishedWithItsTypedTargetGroup() {
        Map<String, JsonNode> published = new HashMap<>();
        try (EventProbe ngoEvents = EventProbe.on("ngo.events")) {
            for (String code : DEMO_INTERVENTIONS) {
                ConsumerRecord<byte[], byte[]> record = ngoEvents.await(candidate -> is(candidate, code));
                String data = EventProbe.value(record);
                Contracts.assertMatchesSchema("ngo-service", InterventionPublished.TYPE, data);
                // The demo catalogue states no offer's step on the staircase; the administrator's offers do.
                Set<String> example = fieldNames(Contracts.parse(Contracts.example("ngo-service",
                        InterventionPublished.TYPE)));
                example.remove("staircaseStep");
                assertThat(fieldNames(Contracts.parse(data))).as(code).isEqualTo(example);
                published.put(code, Contracts.parse(data));
            }
        }

        JsonNode nefos = published.get("NEFOS_SUICIDE").get("targetGroup");
        assertThat(nefos.get("excludes").toString())
                .isEqualTo("[\"OWN_SUICIDE_ATTEMPT\",\"INTENSE_SUICIDAL_THOUGHTS_OR_PLANS\"]");
        assertThat(nefos.get("excludedReferTo").asText()).contains("psychiatry");
        assertThat(published.get("NEFOS_SUICIDE").get("progressSharing").toString())
                .isEqualTo("{\"0461\":\"AGGREGATES_ONLY\",\"0410\":\"PROGRESS_WITH_CONSENT\"}");
        assertThat(published.get("NEFOS_SUICIDE").get("models").toString()).as("each partnership's model")
                .isEqualTo("{\"0461\":\"B1_PARTNERSHIP_RECRUITMENT\",\"0410\":\"B1_PARTNERSHIP_RECRUITMENT\"}");
        assertThat(published.get("NEFOS_SUICIDE").get("model").asText()).as("the one they share")
                .isEqualTo("B1_PARTNERSHIP_RECRUITMENT");
        JsonNode empowr = published.get("EMPOWR");
        assertThat(empowr.at("/targetGroup/gender").asText()).isEqualTo("GIRL");
        assertThat(empowr.at("/targetGroup/mustLiveOrStudyIn").asText()).isEqualTo("0240");
        assertThat(empowr.at("/targetGroup/illustrative").isMissingNode()).isTrue();
        JsonNode powerkids = published.get("POWERKIDS");
        assertThat(powerkids.get("ngoName").asText()).isEqualTo("Ungdommens Røde Kors Aarhus");
        assertThat(powerkids.at("/format/groupSizeMax").asInt()).isEqualTo(8);
    }

    private static boolean is(ConsumerRecord<byte[], byte[]> record, String code) {
        return new String(record.key(), StandardCharsets.UTF_8).equals(code)
                && InterventionPublished.TYPE.equals(EventProbe.header(record, CloudEventHeaders.TYPE));
    }

    private static Set<String> fieldNames(JsonNode node) {
        Set<String> names = new TreeSet<>();
        Iterator<String> iterator = node.fieldNames();
        iterator.forEachRemaining(names::add);
        return names;
    }
}
