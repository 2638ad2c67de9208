package org.kefu.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.kefu.platform.ComponentHealth;
import org.kefu.platform.HealthCheck;
import org.kefu.platform.HealthReport;

/**
 * GET /kefu/api/health: 200 with "UP" when everything Kefu needs answers, else 503 "DOWN".
 * Anyone may ask (a load balancer does), and learns only UP or DOWN per component. The details
 * (database product, version and host, broker counts, the switch's calls and media figures) help
 * an attacker choose an exploit, so they are in the answer only for an authenticated
 * administrator (BASIC or a signed-in console session), issue 14 item 10.
 */
@Path("health")
@PermitAll
public class HealthResource {

    @EJB
    private HealthCheck healthCheck;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health(@Context SecurityContext security) {
        boolean details = security != null && security.getUserPrincipal() != null && security.isUserInRole("admin");
        HealthReport report = healthCheck.check();
        JsonArrayBuilder checks = Json.createArrayBuilder();
        for (ComponentHealth c : report.components()) {
            var check = Json.createObjectBuilder()
                    .add("name", c.name())
                    .add("status", c.up() ? "UP" : "DOWN");
            if (details) {
                check.add("detail", c.detail() == null ? "" : c.detail());
            }
            checks.add(check);
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
