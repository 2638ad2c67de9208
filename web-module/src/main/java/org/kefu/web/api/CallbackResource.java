package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.kefu.acd.CallbackRequest;
import org.kefu.outbound.CallbackAttempt;
import org.kefu.outbound.CallbackDialer;

import java.time.Instant;
import java.util.Locale;
import java.util.Set;

/**
 * /kefu/api/callbacks: callback requests and their attempts (issue 16), for supervisors.
 * GET lists the newest ({@code ?status=QUEUED}), GET /{id} one with its attempts ({@code history}), DELETE /{id}
 * withdraws a request that is not finished (it leaves its queue and is never dialled again).
 */
@Path("callbacks")
@RolesAllowed({"supervisor", "admin"})
public class CallbackResource {

    private static final Set<String> STATUSES = Set.of("QUEUED", "DIALLED", "DONE", "FAILED", "CANCELLED");

    @EJB
    private CallbackDialer callbacks;

    @Context
    private SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit) {
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "status must be one of " + new java.util.TreeSet<>(STATUSES));
        }
        if (limit < 1 || limit > 500) {
            return ApiError.response(Response.Status.BAD_REQUEST, "limit must be from 1 to 500");
        }
        JsonArrayBuilder all = Json.createArrayBuilder();
        callbacks.requests(wanted, limit).forEach(r -> all.add(json(r)));
        return Response.ok(all.build()).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response one(@PathParam("id") long id) {
        return callbacks.request(id)
                .map(r -> Response.ok(Json.createObjectBuilder(json(r)).add("history", attempts(id)).build()).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no callback request " + id));
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    public Response cancel(@PathParam("id") long id) {
        if (callbacks.request(id).isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no callback request " + id);
        }
        if (!callbacks.cancel(id, security.getUserPrincipal().getName())) {
            return ApiError.response(Response.Status.CONFLICT, "callback request " + id + " is finished already");
        }
        return Response.noContent().build();
    }

    private JsonArray attempts(long id) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (CallbackAttempt a : callbacks.attempts(id)) {
            JsonObjectBuilder o = Json.createObjectBuilder().add("attempt", a.getAttemptNo()).add("status", a.getStatus());
            add(o, "agent", a.getAgentJob());
            add(o, "callRef", a.getCallRef());
            add(o, "outcome", a.getOutcome());
            add(o, "dialledAt", a.getDialledAt());
            list.add(o);
        }
        return list.build();
    }

    private static JsonObject json(CallbackRequest r) {
        JsonObjectBuilder o = Json.createObjectBuilder()
                .add("id", r.getId())
                .add("phone", r.getPhone())
                .add("status", r.getStatus())
                .add("attempts", r.getAttempts())
                .add("enqueuedAt", r.getEnqueuedAt().toString())
                .add("createdAt", r.getCreatedAt().toString());
        add(o, "queue", r.getQueueCode());
        add(o, "source", r.getRequestKey() == null ? "acd:" + r.getId() : r.getRequestKey());
        add(o, "reason", r.getReason());
        add(o, "lastOutcome", r.getLastOutcome());
        add(o, "notBefore", r.getNotBefore());
        add(o, "updatedAt", r.getUpdatedAt());
        if (r.getCustomerId() != null) {
            o.add("customerId", r.getCustomerId());
        }
        return o.build();
    }

    private static void add(JsonObjectBuilder o, String name, Object value) {
        if (value != null) {
            o.add(name, value.toString());
        }
    }
}
