package dk.earlyhelp.measurement.operations;

import java.time.Instant;
import java.time.LocalDate;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/** An intervention's latest capacity as ngo-service published it. */
@Document("capacity")
public record Capacity(@Id String intervention, int places, int occupied, int waiting, int freePlaces,
                       LocalDate expectedStart, Instant asOf) {
}
