package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kefu.outbound.CallbackRefused;

/**
 * The public form's refusals: 400 a bad form, 403 a number Kefu does not call back, 409 a request
 * for the number waits already, 429 with Retry-After when the address or the number asked too often.
 */
@Provider
public class CallbackRefusedMapper implements ExceptionMapper<CallbackRefused> {

    @Override
    public Response toResponse(CallbackRefused e) {
        return switch (e.kind()) {
            case INVALID -> ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
            case NOT_ALLOWED -> ApiError.response(Response.Status.FORBIDDEN, e.getMessage());
            case ALREADY_WAITING -> ApiError.response(Response.Status.CONFLICT, e.getMessage());
            case TOO_MANY -> Response.fromResponse(ApiError.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage()))
                    .header("Retry-After", String.valueOf(Math.max(1, e.retryAfter().toSeconds()))).build();
        };
    }
}
