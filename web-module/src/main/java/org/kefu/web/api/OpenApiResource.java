package org.kefu.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** GET /kefu/api/openapi.json: the API's OpenAPI 3 description (hand-written, public). */
@Path("openapi.json")
@PermitAll
public class OpenApiResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response description() throws IOException {
        try (InputStream in = OpenApiResource.class.getResourceAsStream("openapi.json")) {
            if (in == null) {
                return Response.status(Response.Status.NOT_FOUND).build();
            }
            return Response.ok(new String(in.readAllBytes(), StandardCharsets.UTF_8)).build();
        }
    }
}
