package dk.earlyhelp.measurement.catalogue.messaging;

import java.time.Instant;
import java.util.List;
import java.util.function.Consumer;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.messaging.Message;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import dk.earlyhelp.measurement.catalogue.Catalogue;
import dk.earlyhelp.measurement.catalogue.Intervention;
import dk.earlyhelp.platform.events.CloudEventHeaders;
import dk.earlyhelp.platform.security.SystemWork;
import tools.jackson.databind.json.JsonMapper;

/** Thin adapter from {@code ngo.events}: only the catalogue's interventions are ours here. */
@Configuration(proxyBeanMethods = false)
class NgoCatalogueListener {

    static final String PUBLISHED = "ngo.intervention-published.v1";

    @Bean
    Consumer<Message<byte[]>> ngoCatalogueEvents(Catalogue catalogue, JsonMapper json) {
        return SystemWork.listener("listener:ngoCatalogueEvents", message -> {
            if (PUBLISHED.equals(CloudEventHeaders.attribute(message, "type"))) {
                InterventionData data = json.readValue(message.getPayload(), InterventionData.class);
                catalogue.published(new Intervention(data.interventionCode(), data.ngoCode(), data.municipalities(),
                        orEmpty(data.types()), orEmpty(data.measures()), Boolean.TRUE.equals(data.fidelityManual()),
                        data.occurredAt()));
            }
        });
    }

    private static List<String> orEmpty(List<String> values) {
        return values == null ? List.of() : values;
    }

    /** Our trimmed copy of {@code ngo.intervention-published.v1}. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record InterventionData(String interventionCode, String ngoCode, List<String> municipalities, List<String> types,
                            List<String> measures, Boolean fidelityManual, Instant occurredAt) {
    }
}
