package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kefu.tickets.TicketException;

/**
 * A refused ticket operation: no such ticket 404, an action the workflow does not allow from where the
 * ticket is 409, an action not on the caller's side (centre or department) 403, a file too large 413
 * or of a kind not taken 415, other bad input 400.
 */
@Provider
public class TicketExceptionMapper implements ExceptionMapper<TicketException> {

    @Override
    public Response toResponse(TicketException e) {
        Response.Status status = switch (e.getCode()) {
            case "NO_SUCH_TICKET", "NO_SUCH_ATTACHMENT" -> Response.Status.NOT_FOUND;
            case "TOO_LARGE" -> Response.Status.REQUEST_ENTITY_TOO_LARGE;
            case "UNSUPPORTED_TYPE" -> Response.Status.UNSUPPORTED_MEDIA_TYPE;
            case "BAD_TRANSITION" -> Response.Status.CONFLICT;
            case "FORBIDDEN" -> Response.Status.FORBIDDEN;
            case "UNAVAILABLE" -> Response.Status.SERVICE_UNAVAILABLE;
            default -> Response.Status.BAD_REQUEST;
        };
        return ApiError.response(status, e.getMessage());
    }
}
