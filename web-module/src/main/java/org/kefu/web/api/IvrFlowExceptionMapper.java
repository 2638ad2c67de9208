package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kefu.ivr.admin.IvrFlowException;

/** A flow refused with every problem the validator found (400), or an unknown flow or version (404). */
@Provider
public class IvrFlowExceptionMapper implements ExceptionMapper<IvrFlowException> {

    @Override
    public Response toResponse(IvrFlowException e) {
        return ApiError.problems(e.notFound() ? "not found" : "invalid flow", e.problems())
                .toResponse(e.notFound() ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST);
    }
}
