package org.kefu.web.api;

import jakarta.json.JsonException;
import jakarta.json.bind.JsonbException;
import jakarta.ws.rs.ProcessingException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.jboss.logging.Logger;

/**
 * A body that is not JSON, or not JSON of the request's shape (a number where a text belongs, an
 * array where an object belongs): 400 in the API's error format. Anything else that fails while the
 * server reads or writes a body is the server's fault: 500, logged.
 */
@Provider
public class UnreadableBodyMapper implements ExceptionMapper<ProcessingException> {

    private static final Logger LOG = Logger.getLogger(UnreadableBodyMapper.class);

    @Override
    public Response toResponse(ProcessingException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JsonbException || t instanceof JsonException) {
                return ApiError.response(Response.Status.BAD_REQUEST, "the body is not JSON of this request's shape: "
                        + t.getMessage());
            }
        }
        LOG.warn("REST body processing failed", e);
        return ApiError.response(Response.Status.INTERNAL_SERVER_ERROR, null);
    }
}
