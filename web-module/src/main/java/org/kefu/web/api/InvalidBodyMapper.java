package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;

/** {@link InvalidBody} as a 400 {@link ApiError} naming what is wrong. */
@Provider
public class InvalidBodyMapper implements ExceptionMapper<InvalidBody> {

    @Override
    public Response toResponse(InvalidBody e) {
        return ApiError.response(Response.Status.BAD_REQUEST, e.getMessage());
    }
}
