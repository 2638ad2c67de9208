package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.json.JsonException;
import jakarta.json.JsonObject;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.acd.routing.AgentSnapshot;

import java.io.StringReader;
import java.time.Instant;
import java.util.List;
import java.util.Map;
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
@SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin"})
@SelfOrSupervisor
@APIResponse(responseCode = "400", description = "a bad body or reason", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not an ACD role, or an agent acting on another", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "404", description = "no such agent", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "409", description = "not allowed in the agent's state", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class AgentResource {

    /** An agent's ACD state as CTI desktops read it; null where the state has none (no call, no reason). */
    @JsonbNillable
    @Schema(name = "Agent")
    public record Agent(String jobNumber, String extension, String state, String reason, Instant stateSince,
                        @Schema(description = "the call offered to or held by the agent") String call,
                        Instant wrapUpUntil, int callsAnsweredToday, List<String> queues, Map<String, Integer> skills,
                        @Schema(description = "the bound follow-me number") String followMeNumber,
                        @Schema(description = "whether offered calls ring the follow-me number") boolean followMe) {
    }

    @EJB
    private AgentSessions sessions;

    @Context
    private SecurityContext security;

    @Context
    private jakarta.servlet.http.HttpServletRequest request;

    @GET
    @Path("{jobNumber}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent get(@PathParam("jobNumber") String jobNumber) {
        return agent(sessions.status(jobNumber));
    }

    /** Binds the agent's follow-me number: {"number":"13912345678"}, or {"number":null} to unbind. */
    @POST
    @Path("{jobNumber}/follow-me")
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(content = @Content(schema = @Schema(type = org.eclipse.microprofile.openapi.annotations.enums.SchemaType.OBJECT,
            description = "{\"number\":\"13912345678\"}, or {\"number\":null} to unbind")))
    @APIResponse(responseCode = "200", description = "the agent with its follow-me number",
            content = @Content(schema = @Schema(implementation = Agent.class)))
    public Response bindFollowMe(@PathParam("jobNumber") String jobNumber, String body) {
        // Read by hand, not bound to a record: {"number":null} (unbind) and {} (a mistake) must differ.
        JsonObject json = objectOrNull(body);
        JsonValue number = json == null ? null : json.get("number");
        if (number == null || !(number instanceof JsonString || number == JsonValue.NULL)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "the body must be a JSON object like {\"number\":\"13912345678\"}");
        }
        String value = number instanceof JsonString text && !text.getString().isBlank() ? text.getString().trim() : null;
        sessions.bindFollowMe(jobNumber, value, security.getUserPrincipal().getName(), request.getRemoteAddr());
        return Response.ok(agent(sessions.status(jobNumber))).build();
    }

    /** While on, calls offered to the logged-in agent ring its follow-me number instead of the desk phone. */
    @POST
    @Path("{jobNumber}/follow-me/on")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent followMeOn(@PathParam("jobNumber") String jobNumber) {
        return followMe(jobNumber, true);
    }

    @POST
    @Path("{jobNumber}/follow-me/off")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent followMeOff(@PathParam("jobNumber") String jobNumber) {
        return followMe(jobNumber, false);
    }

    private Agent followMe(String jobNumber, boolean on) {
        sessions.followMe(jobNumber, on, security.getUserPrincipal().getName(), request.getRemoteAddr());
        return agent(sessions.status(jobNumber));
    }

    @POST
    @Path("{jobNumber}/login")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent login(@PathParam("jobNumber") String jobNumber, @NotNull @Valid AgentRequests.Login body) {
        return agent(sessions.login(jobNumber, body.extension().trim()));
    }

    @POST
    @Path("{jobNumber}/ready")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent ready(@PathParam("jobNumber") String jobNumber) {
        return agent(sessions.ready(jobNumber));
    }

    @POST
    @Path("{jobNumber}/not-ready")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent notReady(@PathParam("jobNumber") String jobNumber, @NotNull @Valid AgentRequests.NotReady body) {
        return agent(sessions.notReady(jobNumber, body.reason().trim())); // an unknown reason: AcdException, 400 naming the reasons
    }

    @POST
    @Path("{jobNumber}/wrap-up-done")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent wrapUpDone(@PathParam("jobNumber") String jobNumber) {
        return agent(sessions.wrapUpDone(jobNumber));
    }

    @POST
    @Path("{jobNumber}/lock")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent lock(@PathParam("jobNumber") String jobNumber) {
        return agent(sessions.lock(jobNumber));
    }

    @POST
    @Path("{jobNumber}/unlock")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent unlock(@PathParam("jobNumber") String jobNumber) {
        return agent(sessions.unlock(jobNumber));
    }

    @POST
    @Path("{jobNumber}/logout")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Agent.class)))
    public Agent logout(@PathParam("jobNumber") String jobNumber) {
        return agent(sessions.logout(jobNumber));
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

    private Agent agent(AgentSnapshot a) {
        return new Agent(a.jobNumber(), a.extension(), a.state().name(), a.reason(), a.stateSince(), a.offeredCallId(),
                a.wrapUpUntil(), a.callsAnsweredToday(), List.copyOf(new TreeSet<>(a.queues())), new TreeMap<>(a.skills()),
                sessions.boundFollowMeNumber(a.jobNumber()).orElse(null), sessions.followMeNumber(a.jobNumber()).isPresent());
    }
}
