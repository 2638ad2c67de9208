package org.kefu.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.kefu.platform.HealthCheck;
import org.kefu.platform.HealthReport;

import java.util.List;

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

    /** UP when every component is. */
    public record Health(@Schema(enumeration = {"UP", "DOWN"}) String status, List<Check> checks) {
    }

    /** One component (database, broker, switch …); detail for an administrator only. */
    public record Check(String name, @Schema(enumeration = {"UP", "DOWN"}) String status, String detail) {
    }

    @EJB
    private HealthCheck healthCheck;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @APIResponse(responseCode = "200", description = "every component is up", content = @Content(schema = @Schema(implementation = Health.class)))
    @APIResponse(responseCode = "503", description = "a component is down", content = @Content(schema = @Schema(implementation = Health.class)))
    public Response health(@Context SecurityContext security) {
        boolean details = security != null && security.getUserPrincipal() != null && security.isUserInRole("admin");
        HealthReport report = healthCheck.check();
        List<Check> checks = report.components().stream()
                .map(c -> new Check(c.name(), c.up() ? "UP" : "DOWN", details ? (c.detail() == null ? "" : c.detail()) : null))
                .toList();
        return Response.status(report.up() ? Response.Status.OK : Response.Status.SERVICE_UNAVAILABLE)
                .entity(new Health(report.up() ? "UP" : "DOWN", checks))
                .type(MediaType.APPLICATION_JSON)
                .build();
    }
}
