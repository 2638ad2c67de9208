package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.acd.RoutingState;
import org.kefu.acd.routing.AgentState;
import org.kefu.reporting.QueueReport;
import org.kefu.reporting.QueueStatistics;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Live queue figures for wallboards and supervisors' tools of any vendor. */
@Path("queues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin"})
@SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin"})
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not an agent, supervisor or admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class QueueResource {

    /**
     * A queue now (waiting, agents by state) and today so far. The ratios are null until there is a
     * call to count them over; they are rounded to three decimals.
     */
    @JsonbNillable
    @Schema(name = "Queue")
    public record Queue(String queue, int waiting, long longestWaitSeconds, long expectedWaitSeconds,
                        @Schema(description = "logged-in agents by ACD state") Map<String, Integer> agents,
                        int serviceLevelThresholdSeconds, int shortAbandonSeconds, long offered, long answered,
                        long answeredWithinThreshold, long abandoned, long shortAbandoned,
                        @Schema(description = "answered within the threshold ÷ offered")
                        Double serviceLevel, Double asaSeconds, Double ahtSeconds, Double abandonRate) {
    }

    @EJB
    private RoutingState routing;

    @EJB
    private QueueReport report;

    @GET
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Queue.class)))
    public List<Queue> all() {
        return routing.queueCodes().stream().map(code -> queue(report.statistics(code))).toList();
    }

    @GET
    @Path("{code}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Queue.class)))
    @APIResponse(responseCode = "404", description = "no such queue", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Queue one(@PathParam("code") String code) {
        return queue(report.statistics(code));
    }

    static Queue queue(QueueStatistics s) {
        Map<String, Integer> agents = new LinkedHashMap<>();
        for (AgentState state : AgentState.values()) {
            if (state != AgentState.LOGGED_OUT) {
                agents.put(state.name(), s.live().agentsByState().getOrDefault(state, 0));
            }
        }
        return new Queue(s.live().queue(), s.live().waiting(), s.live().longestWait().toSeconds(), s.live().expectedWait().toSeconds(),
                agents, s.serviceLevelSeconds(), s.shortAbandonSeconds(), s.offered(), s.answered(), s.answeredInTime(),
                s.abandoned(), s.shortAbandoned(), ratio(s.serviceLevel()), ratio(s.asaSeconds()), ratio(s.ahtSeconds()),
                ratio(s.abandonRate()));
    }

    private static Double ratio(Double value) {
        return value == null ? null : Math.round(value * 1000) / 1000.0;
    }
}
