package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonReader;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.kefu.acd.AgentSessions;
import org.kefu.acd.routing.AgentSnapshot;

import java.io.StringReader;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Agents' ACD state for CTI desktops: log in at a desk phone, ready, not ready with a
 * reason, end wrap-up, log out, and read the live state. An agent acts on itself only;
 * supervisors and administrators act on anyone ({@link SelfOrSupervisor}). Bodies are records
 * bound by JSON-B and validated; every refusal is an {@link ApiError}.
 */
@Path("agents")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin"})
@SelfOrSupervisor
public class AgentResource {

    @EJB
    private AgentSessions sessions;

    @Context
    private SecurityContext security;

    @Context
    private jakarta.servlet.http.HttpServletRequest request;

    @GET
    @Path("{jobNumber}")
    public Response get(@PathParam("jobNumber") String jobNumber) {
        return Response.ok(withFollowMe(toJson(sessions.status(jobNumber)), jobNumber).build().toString()).build();
    }

    /** Binds the agent's follow-me number: {"number":"13912345678"}, or {"number":null} to unbind. */
    @POST
    @Path("{jobNumber}/follow-me")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response bindFollowMe(@PathParam("jobNumber") String jobNumber, String body) {
        // Read by hand, not bound to a record: {"number":null} (unbind) and {} (a mistake) must differ.
        JsonObject json = objectOrNull(body);
        JsonValue number = json == null ? null : json.get("number");
        if (number == null || !(number instanceof JsonString || number == JsonValue.NULL)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "the body must be a JSON object like {\"number\":\"13912345678\"}");
        }
        String value = number instanceof JsonString text && !text.getString().isBlank() ? text.getString().trim() : null;
        sessions.bindFollowMe(jobNumber, value, security.getUserPrincipal().getName(), request.getRemoteAddr());
        return Response.ok(withFollowMe(Json.createObjectBuilder(), jobNumber).build().toString()).build();
    }

    /** While on, calls offered to the logged-in agent ring its follow-me number instead of the desk phone. */
    @POST
    @Path("{jobNumber}/follow-me/on")
    public Response followMeOn(@PathParam("jobNumber") String jobNumber) {
        return followMe(jobNumber, true);
    }

    @POST
    @Path("{jobNumber}/follow-me/off")
    public Response followMeOff(@PathParam("jobNumber") String jobNumber) {
        return followMe(jobNumber, false);
    }

    private Response followMe(String jobNumber, boolean on) {
        sessions.followMe(jobNumber, on, security.getUserPrincipal().getName(), request.getRemoteAddr());
        return Response.ok(withFollowMe(toJson(sessions.status(jobNumber)), jobNumber).build().toString()).build();
    }

    private JsonObjectBuilder withFollowMe(JsonObjectBuilder b, String jobNumber) {
        addOrNull(b, "followMeNumber", sessions.boundFollowMeNumber(jobNumber).orElse(null));
        return b.add("followMe", sessions.followMeNumber(jobNumber).isPresent());
    }

    @POST
    @Path("{jobNumber}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response login(@PathParam("jobNumber") String jobNumber, @NotNull @Valid AgentRequests.Login body) {
        return ok(sessions.login(jobNumber, body.extension().trim()));
    }

    @POST
    @Path("{jobNumber}/ready")
    public Response ready(@PathParam("jobNumber") String jobNumber) {
        return ok(sessions.ready(jobNumber));
    }

    @POST
    @Path("{jobNumber}/not-ready")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response notReady(@PathParam("jobNumber") String jobNumber, @NotNull @Valid AgentRequests.NotReady body) {
        return ok(sessions.notReady(jobNumber, body.reason().trim())); // an unknown reason: AcdException, 400 naming the reasons
    }

    @POST
    @Path("{jobNumber}/wrap-up-done")
    public Response wrapUpDone(@PathParam("jobNumber") String jobNumber) {
        return ok(sessions.wrapUpDone(jobNumber));
    }

    @POST
    @Path("{jobNumber}/lock")
    public Response lock(@PathParam("jobNumber") String jobNumber) {
        return ok(sessions.lock(jobNumber));
    }

    @POST
    @Path("{jobNumber}/unlock")
    public Response unlock(@PathParam("jobNumber") String jobNumber) {
        return ok(sessions.unlock(jobNumber));
    }

    @POST
    @Path("{jobNumber}/logout")
    public Response logout(@PathParam("jobNumber") String jobNumber) {
        return ok(sessions.logout(jobNumber));
    }

    private static JsonObject objectOrNull(String body) {
        if (body == null || body.isBlank()) {
            return null;
        }
        try (JsonReader reader = Json.createReader(new StringReader(body))) {
            JsonValue value = reader.readValue();
            return value.getValueType() == JsonValue.ValueType.OBJECT ? value.asJsonObject() : null;
        } catch (JsonException | IllegalStateException e) {
            return null;
        }
    }

    static Response ok(AgentSnapshot a) {
        return Response.ok(toJson(a).build().toString()).build();
    }

    static JsonObjectBuilder toJson(AgentSnapshot a) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("jobNumber", a.jobNumber())
                .add("state", a.state().name())
                .add("callsAnsweredToday", a.callsAnsweredToday());
        addOrNull(b, "extension", a.extension());
        addOrNull(b, "reason", a.reason());
        addOrNull(b, "stateSince", a.stateSince() == null ? null : a.stateSince().toString());
        addOrNull(b, "call", a.offeredCallId());
        addOrNull(b, "wrapUpUntil", a.wrapUpUntil() == null ? null : a.wrapUpUntil().toString());
        JsonArrayBuilder queues = Json.createArrayBuilder();
        new TreeSet<>(a.queues()).forEach(queues::add);
        b.add("queues", queues);
        JsonObjectBuilder skills = Json.createObjectBuilder();
        new TreeMap<>(a.skills()).forEach(skills::add);
        b.add("skills", skills);
        return b;
    }

    static void addOrNull(JsonObjectBuilder b, String name, String value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, value);
        }
    }
}
