package org.kefu.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * GET /kefu/api/openapi.json, the address clients have used since the first release: leads to the
 * description the server's MicroProfile OpenAPI generates from these resources (GET /openapi).
 */
@Path("openapi.json")
@PermitAll
public class OpenApiResource {

    @GET
    @Operation(hidden = true)
    public Response description(@Context UriInfo uri) {
        // Absolute: JAX-RS would resolve a relative location against the application (/kefu/api).
        return Response.status(Response.Status.MOVED_PERMANENTLY)
                .location(uri.getBaseUriBuilder().replacePath("/openapi").replaceQuery("format=JSON").build()).build();
    }
}
