package org.kefu.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kefu.platform.ComponentHealth;
import org.kefu.platform.HealthCheck;
import org.kefu.platform.HealthReport;

/** GET /kefu/api/health: 200 with "UP" when everything Kefu needs answers, else 503 "DOWN". */
@Path("health")
@PermitAll
public class HealthResource {

    @EJB
    private HealthCheck healthCheck;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        HealthReport report = healthCheck.check();
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (ComponentHealth c : report.components()) {
            checks.add(Json.createObjectBuilder()
                    .add("name", c.name())
                    .add("status", c.up() ? "UP" : "DOWN")
                    .add("detail", c.detail() == null ? "" : c.detail()));
        }
        JsonObject body = Json.createObjectBuilder()
                .add("status", report.up() ? "UP" : "DOWN")
                .add("checks", checks)
                .build();
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(body)
                .build();
    }
}
