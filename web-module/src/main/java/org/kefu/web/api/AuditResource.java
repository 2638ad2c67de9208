package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.json.JsonArray;
import org.kefu.security.AuditEvent;
import org.kefu.security.UserAdministration;

/** GET /kefu/api/audit?actor=1001&amp;limit=20: the audit trail, newest first (admins only). */
@Path("audit")
@RolesAllowed("admin")
public class AuditResource {

    @EJB
    private UserAdministration administration;

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonArray trail(@QueryParam("actor") String actor, @QueryParam("limit") @DefaultValue("50") int limit) {
        JsonArrayBuilder events = Json.createArrayBuilder();
        for (AuditEvent e : administration.auditTrail(actor, limit, request.getRemoteAddr())) {
            JsonObjectBuilder o = Json.createObjectBuilder()
                    .add("id", e.getId())
                    .add("at", e.getOccurredAt().toString())
                    .add("action", e.getAction())
                    .add("outcome", e.getOutcome().name());
            addIfPresent(o, "actor", e.getActor());
            addIfPresent(o, "target", e.getTarget());
            addIfPresent(o, "detail", e.getDetail());
            addIfPresent(o, "source", e.getSourceAddress());
            events.add(o);
        }
        return events.build();
    }

    private static void addIfPresent(JsonObjectBuilder o, String name, String value) {
        if (value != null) {
            o.add(name, value);
        }
    }
}
