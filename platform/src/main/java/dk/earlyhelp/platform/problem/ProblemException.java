package dk.earlyhelp.platform.problem;

import java.net.URI;
import java.util.List;
import java.util.Map;

import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponseException;

/** A failure a use case reports to the caller on purpose, with a problem type they can act on. */
public class ProblemException extends ErrorResponseException {

    public ProblemException(HttpStatus status, String type, String title, String detail) {
        super(status, problem(status, type, title, detail), null);
    }

    public static ProblemException notFound(String what) {
        return new ProblemException(HttpStatus.NOT_FOUND, "not-found", "Not found", what + " was not found.");
    }

    /** A 400 naming the field, in the same shape as Bean Validation's errors. */
    public static ProblemException invalidField(String field, String message) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid fields.");
        problem.getBody().setProperty("errors", List.of(Map.of("field", field, "message", message)));
        return problem;
    }

    /** A 400 naming several fields with the same message, e.g. the parts a submission still needs. */
    public static ProblemException invalidFields(List<String> fields, String message) {
        ProblemException problem = new ProblemException(HttpStatus.BAD_REQUEST, "validation", "Invalid request",
                "The request has invalid fields.");
        problem.getBody().setProperty("errors", fields.stream()
                .map(field -> Map.of("field", field, "message", message)).toList());
        return problem;
    }

    private static ProblemDetail problem(HttpStatus status, String type, String title, String detail) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
        problem.setType(URI.create("https://earlyhelp.dk/problems/" + type));
        problem.setTitle(title);
        return problem;
    }
}
