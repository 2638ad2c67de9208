package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.ivr.admin.FlowVersionInfo;
import org.kefu.ivr.admin.IvrFlowException;
import org.kefu.ivr.admin.IvrFlows;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * IVR flow administration (admins only): GET /api/ivr/flows lists every version; POST a flow's
 * JSON stores it as its next version, inactive (201, or 400 with the validator's problems);
 * POST /api/ivr/flows/{id}/versions/{v}/activate makes that version the one calls get (204).
 */
@Path("ivr/flows")
@RolesAllowed("admin")
@SecurityRequirement(name = "basic", scopes = {"admin"})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class IvrFlowResource {

    /** One stored version of a flow; activatedBy and activatedAt once it has been active. */
    public record FlowVersion(String id, int version, @Schema(enumeration = {"ACTIVE", "INACTIVE"}) String status,
                              String description, String createdBy, Instant createdAt, String activatedBy, Instant activatedAt) {
    }

    @EJB
    private IvrFlows flows;

    @Context
    private HttpServletRequest request;

    @GET
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = FlowVersion.class)))
    public List<FlowVersion> list() {
        return flows.list().stream().map(IvrFlowResource::version).toList();
    }

    @GET
    @Path("{id}/versions/{version}")
    @APIResponse(responseCode = "200", description = "the flow document as it was uploaded",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "404", description = "no such flow or version", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response definition(@PathParam("id") String id, @PathParam("version") int version) throws IvrFlowException {
        return Response.ok(flows.definition(id, version)).build();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RequestBody(description = "a flow document: id, description, start node and nodes (docs/ivr-flow-format.md)",
            content = @Content(schema = @Schema(type = SchemaType.OBJECT)))
    @APIResponse(responseCode = "201", description = "stored as the flow's next version, inactive",
            content = @Content(schema = @Schema(implementation = FlowVersion.class)))
    @APIResponse(responseCode = "400", description = "the validator's problems", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response upload(String body) throws IvrFlowException {
        FlowVersionInfo v = flows.upload(body, request.getRemoteAddr());
        return Response.created(URI.create("ivr/flows/" + v.flowId() + "/versions/" + v.version())).entity(version(v)).build();
    }

    @POST
    @Path("{id}/versions/{version}/activate")
    @APIResponse(responseCode = "204", description = "calls get this version from now on")
    @APIResponse(responseCode = "404", description = "no such flow or version", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response activate(@PathParam("id") String id, @PathParam("version") int version) throws IvrFlowException {
        flows.activate(id, version, request.getRemoteAddr());
        return Response.noContent().build();
    }

    private static FlowVersion version(FlowVersionInfo v) {
        return new FlowVersion(v.flowId(), v.version(), v.status(), v.description(), v.createdBy(), v.createdAt(), v.activatedBy(),
                v.activatedAt());
    }
}
