package org.kefu.web.api;

import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.util.List;

/**
 * The one error body of the REST API: {@code {"error": "what went wrong"}}, and for a request that
 * breaks its rules the fields at fault, {@code "violations": [{"field": "extension", "message": …}]},
 * or for a document that does (an IVR flow, a prompt's WAV) every problem found,
 * {@code "problems": ["node 'menu': …"]}. Every refusal (a mapper, a filter, a resource) answers with
 * it, so clients read one shape.
 */
public record ApiError(String error, List<Violation> violations, List<String> problems) {

    /** One field of the request and what is wrong with it. */
    public record Violation(String field, String message) {
    }

    public ApiError {
        violations = violations == null ? List.of() : List.copyOf(violations);
        problems = problems == null ? List.of() : List.copyOf(problems);
    }

    public ApiError(String error, List<Violation> violations) {
        this(error, violations, List.of());
    }

    /** A document refused with every problem found in it. */
    public static ApiError problems(String error, List<String> problems) {
        return new ApiError(error, List.of(), problems);
    }

    public static Response response(Response.Status status, String message) {
        return new ApiError(message == null ? status.getReasonPhrase() : message, List.of()).toResponse(status);
    }

    public Response toResponse(Response.Status status) {
        return Response.status(status).type(MediaType.APPLICATION_JSON).entity(toJson()).build();
    }

    /** The body: "violations" and "problems" only when there are some. */
    public String toJson() {
        JsonObjectBuilder body = Json.createObjectBuilder().add("error", error);
        if (!violations.isEmpty()) {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (Violation v : violations) {
                list.add(Json.createObjectBuilder().add("field", v.field()).add("message", v.message()));
            }
            body.add("violations", list);
        }
        if (!problems.isEmpty()) {
            body.add("problems", Json.createArrayBuilder(problems));
        }
        return body.build().toString();
    }
}
