package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.acd.CallbackRequest;
import org.kefu.outbound.CallbackAttempt;
import org.kefu.outbound.CallbackDialer;
import org.kefu.outbound.CallbackFigures;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.Set;
import java.util.TreeSet;

/**
 * /kefu/api/callbacks: callback requests and their attempts (issue 16), for supervisors.
 * GET lists the newest ({@code ?status=QUEUED}), GET /{id} one with its attempts ({@code history}), DELETE /{id}
 * withdraws a request that is not finished (it leaves its queue and is never dialled again), GET
 * /figures counts them per day and queue.
 */
@Path("callbacks")
@RolesAllowed({"supervisor", "admin"})
@SecurityRequirement(name = "basic", scopes = {"supervisor", "admin"})
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not a supervisor or admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class CallbackResource {

    private static final Set<String> STATUSES = Set.of("QUEUED", "DIALLED", "DONE", "FAILED", "CANCELLED");

    /** A request to call a customer back; history (its attempts) only when one request is read. */
    @Schema(name = "CallbackRequest")
    public record Request(long id, String phone,
                          @Schema(enumeration = {"QUEUED", "DIALLED", "DONE", "FAILED", "CANCELLED"}) String status,
                          @Schema(description = "attempts made so far") int attempts,
                          Instant enqueuedAt, Instant createdAt, String queue,
                          @Schema(description = "acd:<id> (a caller in a queue), web:<uuid> (the public form) or the job's key") String source,
                          String reason, String lastOutcome, Instant notBefore, Instant updatedAt, Long customerId,
                          @Schema(description = "the attempts, first to last (GET /callbacks/{id} only)") List<Attempt> history) {
    }

    /** One dialling of a callback request. */
    @Schema(name = "CallbackAttempt")
    public record Attempt(int attempt, @Schema(enumeration = {"WAITING", "DIALLING", "ENDED", "CANCELLED"}) String status,
                          String agent, String callRef, String outcome, Instant dialledAt) {
    }

    /** One queue's callbacks on one day (Asia/Shanghai). */
    @Schema(name = "CallbackDay")
    public record Day(LocalDate day, String queue, @Schema(description = "requests taken") long requests,
                      @Schema(description = "attempts dialled") long attempts,
                      @Schema(description = "attempts the customer answered") long contacts,
                      @Schema(description = "attempts by outcome (BUSY, NO_ANSWER …; DIALLING while under way)") Map<String, Long> outcomes,
                      @Schema(description = "requests refused without a call (do-not-call list, dial policy)") long refused) {
    }

    @EJB
    private CallbackDialer callbacks;

    @EJB
    private CallbackFigures figures;

    @Context
    private SecurityContext security;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "the newest requests first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Request.class)))
    @APIResponse(responseCode = "400", description = "an unknown status or a limit outside 1-500",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response list(@QueryParam("status") String status, @QueryParam("limit") @DefaultValue("50") int limit) {
        String wanted = status == null || status.isBlank() ? null : status.strip().toUpperCase(Locale.ROOT);
        if (wanted != null && !STATUSES.contains(wanted)) {
            return ApiError.response(Response.Status.BAD_REQUEST, "status must be one of " + new TreeSet<>(STATUSES));
        }
        if (limit < 1 || limit > 500) {
            return ApiError.response(Response.Status.BAD_REQUEST, "limit must be from 1 to 500");
        }
        return Response.ok(callbacks.requests(wanted, limit).stream().map(r -> request(r, null)).toList()).build();
    }

    @GET
    @Path("figures")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "per day (Asia/Shanghai) and queue, oldest first; days without callbacks left out",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Day.class)))
    @APIResponse(responseCode = "400", description = "a bad date, or more than 31 days", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response figures(@Parameter(description = "YYYY-MM-DD, default today") @QueryParam("from") String from,
                            @Parameter(description = "YYYY-MM-DD, default from") @QueryParam("to") String to) {
        DaySpan span = DaySpan.of(from, to, CallbackFigures.MAX_DAYS);
        return Response.ok(figures.days(span.from(), span.to()).stream()
                .map(d -> new Day(d.day(), d.queue(), d.requests(), d.attempts(), d.contacts(), new TreeMap<>(d.outcomes()), d.refused()))
                .toList()).build();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Request.class)))
    @APIResponse(responseCode = "404", description = "no such request", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response one(@PathParam("id") long id) {
        return callbacks.request(id)
                .map(r -> Response.ok(request(r, attempts(id))).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no callback request " + id));
    }

    @DELETE
    @Path("{id}")
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "204", description = "withdrawn")
    @APIResponse(responseCode = "404", description = "no such request", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "the request is finished already", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response cancel(@PathParam("id") long id) {
        if (callbacks.request(id).isEmpty()) {
            return ApiError.response(Response.Status.NOT_FOUND, "no callback request " + id);
        }
        if (!callbacks.cancel(id, security.getUserPrincipal().getName())) {
            return ApiError.response(Response.Status.CONFLICT, "callback request " + id + " is finished already");
        }
        return Response.noContent().build();
    }

    private List<Attempt> attempts(long id) {
        return callbacks.attempts(id).stream()
                .map(a -> new Attempt(a.getAttemptNo(), a.getStatus(), a.getAgentJob(), a.getCallRef(), a.getOutcome(), a.getDialledAt()))
                .toList();
    }

    private static Request request(CallbackRequest r, List<Attempt> history) {
        return new Request(r.getId(), r.getPhone(), r.getStatus(), r.getAttempts(), r.getEnqueuedAt(), r.getCreatedAt(),
                r.getQueueCode(), r.getRequestKey() == null ? "acd:" + r.getId() : r.getRequestKey(), r.getReason(),
                r.getLastOutcome(), r.getNotBefore(), r.getUpdatedAt(), r.getCustomerId(), history);
    }
}
