package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonObjectBuilder;
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
import org.kefu.ivr.admin.FlowVersionInfo;
import org.kefu.ivr.admin.IvrFlowException;
import org.kefu.ivr.admin.IvrFlows;

import java.net.URI;

/**
 * IVR flow administration (admins only): GET /api/ivr/flows lists every version; POST a flow's
 * JSON stores it as its next version, inactive (201, or 400 with the validator's problems);
 * POST /api/ivr/flows/{id}/versions/{v}/activate makes that version the one calls get (204).
 */
@Path("ivr/flows")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class IvrFlowResource {

    @EJB
    private IvrFlows flows;

    @Context
    private HttpServletRequest request;

    @GET
    public Response list() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        for (FlowVersionInfo v : flows.list()) {
            a.add(json(v));
        }
        return Response.ok(a.build()).build();
    }

    @GET
    @Path("{id}/versions/{version}")
    public Response definition(@PathParam("id") String id, @PathParam("version") int version) {
        try {
            return Response.ok(flows.definition(id, version)).build();
        } catch (IvrFlowException e) {
            return problems(e);
        }
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response upload(String body) {
        try {
            FlowVersionInfo v = flows.upload(body, request.getRemoteAddr());
            return Response.created(URI.create("ivr/flows/" + v.flowId() + "/versions/" + v.version()))
                    .entity(json(v).build()).build();
        } catch (IvrFlowException e) {
            return problems(e);
        }
    }

    @POST
    @Path("{id}/versions/{version}/activate")
    public Response activate(@PathParam("id") String id, @PathParam("version") int version) {
        try {
            flows.activate(id, version, request.getRemoteAddr());
            return Response.noContent().build();
        } catch (IvrFlowException e) {
            return problems(e);
        }
    }

    private static Response problems(IvrFlowException e) {
        return ApiError.problems(e.notFound() ? "not found" : "invalid flow", e.problems())
                .toResponse(e.notFound() ? Response.Status.NOT_FOUND : Response.Status.BAD_REQUEST);
    }

    private static JsonObjectBuilder json(FlowVersionInfo v) {
        JsonObjectBuilder b = Json.createObjectBuilder()
                .add("id", v.flowId()).add("version", v.version()).add("status", v.status())
                .add("createdBy", v.createdBy());
        if (v.description() != null) {
            b.add("description", v.description());
        }
        if (v.createdAt() != null) {
            b.add("createdAt", v.createdAt().toString());
        }
        if (v.activatedBy() != null) {
            b.add("activatedBy", v.activatedBy());
        }
        if (v.activatedAt() != null) {
            b.add("activatedAt", v.activatedAt().toString());
        }
        return b;
    }
}
