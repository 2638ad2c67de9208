package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kefu.callflow.routing.RoutingRuleException;

/** Routing changes refused as {@link ApiError}s: 404 for an unknown rule or day, else 400; nothing changed. */
@Provider
public class RoutingRuleExceptionMapper implements ExceptionMapper<RoutingRuleException> {

    @Override
    public Response toResponse(RoutingRuleException e) {
        return ApiError.response(e.notFound() ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST, e.getMessage());
    }
}
