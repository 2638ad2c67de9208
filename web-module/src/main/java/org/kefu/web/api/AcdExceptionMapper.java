package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kefu.acd.AcdException;

/** ACD refusals as {@link ApiError}s: 400 bad input, 404 unknown agent or queue, 409 illegal state change. */
@Provider
public class AcdExceptionMapper implements ExceptionMapper<AcdException> {

    @Override
    public Response toResponse(AcdException e) {
        Response.Status status = switch (e.getKind()) {
            case BAD_REQUEST -> Response.Status.BAD_REQUEST;
            case NOT_FOUND -> Response.Status.NOT_FOUND;
            case CONFLICT -> Response.Status.CONFLICT;
        };
        return ApiError.response(status, e.getMessage());
    }
}
