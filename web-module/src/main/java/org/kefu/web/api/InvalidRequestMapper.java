package org.kefu.web.api;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Path;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

import java.util.Comparator;
import java.util.List;

/**
 * A request that breaks its Bean Validation rules: 400 with each field at fault (nearer to the
 * exception than RESTEasy's own mapper, which answers in its own format).
 */
@Provider
public class InvalidRequestMapper implements ExceptionMapper<ConstraintViolationException> {

    @Override
    public Response toResponse(ConstraintViolationException e) {
        List<ApiError.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new ApiError.Violation(field(v), v.getMessage()))
                .sorted(Comparator.comparing(ApiError.Violation::field))
                .toList();
        String summary = violations.isEmpty() ? "invalid request"
                : "invalid request: " + violations.get(0).field() + " " + violations.get(0).message();
        return new ApiError(summary, violations).toResponse(Response.Status.BAD_REQUEST);
    }

    /** The property's own name (the last node: "extension", not "login.arg1.extension"). */
    private static String field(ConstraintViolation<?> v) {
        String name = "request";
        for (Path.Node node : v.getPropertyPath()) {
            if (node.getName() != null && node.getKind() != jakarta.validation.ElementKind.METHOD
                    && node.getKind() != jakarta.validation.ElementKind.PARAMETER) {
                name = node.getName();
            }
        }
        return name;
    }
}
