package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.security.UserAdministration;

import java.time.Instant;
import java.util.List;

/** GET /kefu/api/audit?actor=1001&amp;limit=20: the audit trail, newest first (admins only). */
@Path("audit")
@RolesAllowed("admin")
@SecurityRequirement(name = "basic", scopes = {"admin"})
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class AuditResource {

    /** One audited action; actor, target, detail and source only where known. */
    public record AuditEntry(long id, Instant at, String action, @Schema(enumeration = {"SUCCESS", "FAILURE", "DENIED"}) String outcome,
                             String actor, String target, String detail,
                             @Schema(description = "the client's address") String source) {
    }

    @EJB
    private UserAdministration administration;

    @Context
    private HttpServletRequest request;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "newest first", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = AuditEntry.class)))
    public List<AuditEntry> trail(@QueryParam("actor") String actor, @QueryParam("limit") @DefaultValue("50") int limit) {
        return administration.auditTrail(actor, limit, request.getRemoteAddr()).stream()
                .map(e -> new AuditEntry(e.getId(), e.getOccurredAt(), e.getAction(), e.getOutcome().name(), e.getActor(),
                        e.getTarget(), e.getDetail(), e.getSourceAddress()))
                .toList();
    }
}
