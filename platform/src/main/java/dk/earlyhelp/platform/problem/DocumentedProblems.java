package dk.earlyhelp.platform.problem;

import org.springdoc.core.customizers.GlobalOperationCustomizer;
import org.springframework.web.method.HandlerMethod;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;

/**
 * Documents the problem details every operation can answer, so the API description lists every
 * status a client may get (the schema-fuzzing attack test holds the services to it): 400 where
 * the caller sends parameters or a body, 401, 403, 404 where a path names an object, 415 where a
 * body is read, 429 from the gateway's rate limits, 503 when the store or a needed service is
 * down. Statuses a use case adds (409, 422) are declared on the operation with {@code @ApiResponse}.
 */
public class DocumentedProblems implements GlobalOperationCustomizer {

    @Override
    public Operation customize(Operation operation, HandlerMethod handlerMethod) {
        ApiResponses responses = operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
        boolean hasBody = operation.getRequestBody() != null;
        boolean hasParameters = operation.getParameters() != null && !operation.getParameters().isEmpty();
        boolean namesObject = hasParameters
                && operation.getParameters().stream().anyMatch(parameter -> "path".equals(parameter.getIn()));
        if (hasBody || hasParameters) {
            add(responses, "400", "invalid parameters or body; each field is named under errors");
        }
        add(responses, "401", "no valid access token for this API");
        add(responses, "403", "the caller's role or organisation does not allow this");
        if (namesObject) {
            add(responses, "404", "no such object for the caller (another organisation's object answers the same)");
        }
        if (hasBody) {
            add(responses, "415", "the body is not of a media type the operation reads");
        }
        add(responses, "429", "too many requests from this caller; see Retry-After");
        add(responses, "503", "the store or a service this operation needs is unavailable; see Retry-After");
        operation.setResponses(responses);
        return operation;
    }

    /** RFC 9457 problem details, with the fields a validation problem names. */
    public static Schema<?> problemSchema() {
        return new ObjectSchema()
                .addProperty("type", new StringSchema().format("uri"))
                .addProperty("title", new StringSchema())
                .addProperty("status", new IntegerSchema())
                .addProperty("detail", new StringSchema())
                .addProperty("instance", new StringSchema().format("uri"))
                .addProperty("errors", new ArraySchema().items(new ObjectSchema()
                        .addProperty("field", new StringSchema()).addProperty("message", new StringSchema())));
    }

    private static void add(ApiResponses responses, String status, String description) {
        if (!responses.containsKey(status)) {
            responses.addApiResponse(status, new ApiResponse().description(description).content(new Content()
                    .addMediaType("application/problem+json", new MediaType().schema(new Schema<>()
                            .$ref("#/components/schemas/ProblemDetail")))));
        }
    }
}
