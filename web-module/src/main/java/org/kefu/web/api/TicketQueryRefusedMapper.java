package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kefu.tickets.TicketQueryRefused;

/** Too many public ticket queries from one address: 429 with Retry-After (seconds). */
@Provider
public class TicketQueryRefusedMapper implements ExceptionMapper<TicketQueryRefused> {

    @Override
    public Response toResponse(TicketQueryRefused e) {
        return Response.fromResponse(ApiError.response(Response.Status.TOO_MANY_REQUESTS, e.getMessage()))
                .header("Retry-After", Math.max(1, e.retryAfter().toSeconds())).build();
    }
}
