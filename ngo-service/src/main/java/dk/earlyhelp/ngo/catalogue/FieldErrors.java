package dk.earlyhelp.ngo.catalogue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;

import dk.earlyhelp.platform.problem.ProblemException;

/** The fields of a request a catalogue rule refuses, answered together as one 400 in Bean Validation's shape. */
final class FieldErrors {

    private final List<Map<String, String>> errors = new ArrayList<>();

    FieldErrors add(String field, String message) {
        errors.add(Map.of("field", field, "message", message));
        return this;
    }

    boolean isEmpty() {
        return errors.isEmpty();
    }

    void throwIfAny() {
        if (!errors.isEmpty()) {
            ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                    "The request has invalid fields.");
            problem.getBody().setProperty("errors", List.copyOf(errors));
            throw problem;
        }
    }

    static void refuse(String field, String message) {
        new FieldErrors().add(field, message).throwIfAny();
    }
}
