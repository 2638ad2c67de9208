package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ejb.EJBException;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kefu.crm.ContactRecordException;
import org.kefu.crm.ContactRecords;

import java.util.Map;

/** Agents' wrap-ups (contact records) of a phone number or a call, for CRM integrations. */
@Path("contact-records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin"})
public class ContactRecordResource {

    @EJB
    private ContactRecords records;

    @GET
    public Response find(@QueryParam("phone") String phone, @QueryParam("callRef") String callRef) {
        try {
            JsonArrayBuilder list = Json.createArrayBuilder();
            for (Map<String, Object> r : records.history(phone, callRef)) {
                JsonObjectBuilder o = Json.createObjectBuilder();
                r.forEach((k, v) -> {
                    if (v == null) {
                        o.addNull(k);
                    } else if (v instanceof Long l) {
                        o.add(k, l);
                    } else {
                        o.add(k, v.toString());
                    }
                });
                list.add(o);
            }
            return Response.ok(list.build().toString()).build();
        } catch (ContactRecordException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "give ?phone= or ?callRef=");
        } catch (EJBException e) {
            if (e.getCause() instanceof ContactRecordException) {
                return ApiError.response(Response.Status.BAD_REQUEST, "give ?phone= or ?callRef=");
            }
            throw e;
        }
    }
}
