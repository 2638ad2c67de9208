package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kefu.outbound.DoNotCallRefused;

/** Do-not-call changes refused as {@link ApiError}s: 404 for an unknown customer, else 400. */
@Provider
public class DoNotCallRefusedMapper implements ExceptionMapper<DoNotCallRefused> {

    @Override
    public Response toResponse(DoNotCallRefused e) {
        return ApiError.response(e.notFound() ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST, e.getMessage());
    }
}
