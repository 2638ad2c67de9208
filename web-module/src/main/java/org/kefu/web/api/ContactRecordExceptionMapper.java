package org.kefu.web.api;

import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.ExceptionMapper;
import jakarta.ws.rs.ext.Provider;
import org.kefu.crm.ContactRecordException;

/** A contact-record query without a criterion: 400. */
@Provider
public class ContactRecordExceptionMapper implements ExceptionMapper<ContactRecordException> {

    @Override
    public Response toResponse(ContactRecordException e) {
        return ApiError.response(Response.Status.BAD_REQUEST, "give ?phone= or ?callRef=");
    }
}
