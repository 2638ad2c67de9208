package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kefu.acd.RoutingState;
import org.kefu.acd.routing.AgentState;
import org.kefu.reporting.QueueReport;
import org.kefu.reporting.QueueStatistics;

/** Live queue figures for wallboards and supervisors' tools of any vendor. */
@Path("queues")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin"})
public class QueueResource {

    @EJB
    private RoutingState routing;

    @EJB
    private QueueReport report;

    @GET
    public Response all() {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String code : routing.queueCodes()) {
            list.add(toJson(report.statistics(code)));
        }
        return Response.ok(list.build().toString()).build();
    }

    @GET
    @Path("{code}")
    public Response one(@PathParam("code") String code) {
        return Response.ok(toJson(report.statistics(code)).build().toString()).build();
    }

    static JsonObjectBuilder toJson(QueueStatistics s) {
        JsonObjectBuilder agents = Json.createObjectBuilder();
        for (AgentState state : AgentState.values()) {
            if (state != AgentState.LOGGED_OUT) {
                agents.add(state.name(), s.live().agentsByState().getOrDefault(state, 0));
            }
        }
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("queue", s.live().queue())
                .add("waiting", s.live().waiting())
                .add("longestWaitSeconds", s.live().longestWait().toSeconds())
                .add("expectedWaitSeconds", s.live().expectedWait().toSeconds())
                .add("agents", agents)
                .add("serviceLevelThresholdSeconds", s.serviceLevelSeconds())
                .add("shortAbandonSeconds", s.shortAbandonSeconds())
                .add("offered", s.offered())
                .add("answered", s.answered())
                .add("answeredWithinThreshold", s.answeredInTime())
                .add("abandoned", s.abandoned())
                .add("shortAbandoned", s.shortAbandoned());
        ratio(b, "serviceLevel", s.serviceLevel());
        ratio(b, "asaSeconds", s.asaSeconds());
        ratio(b, "ahtSeconds", s.ahtSeconds());
        ratio(b, "abandonRate", s.abandonRate());
        return b;
    }

    private static void ratio(JsonObjectBuilder b, String name, Double value) {
        if (value == null) {
            b.addNull(name);
        } else {
            b.add(name, Math.round(value * 1000) / 1000.0);
        }
    }
}
