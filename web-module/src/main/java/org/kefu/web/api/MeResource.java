package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.kefu.security.UserDirectory;
import org.kefu.security.UserProfile;

import java.util.TreeSet;

/** GET /kefu/api/me: who the caller is, for CTI desktops checking their credentials. */
@Path("me")
@RolesAllowed({"agent", "supervisor", "admin", "backoffice"})
public class MeResource {

    @EJB
    private UserDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response me() {
        return directory.currentUser()
                .map(MeResource::toJson)
                .orElseGet(() -> Response.status(Response.Status.NOT_FOUND).build());
    }

    private static Response toJson(UserProfile p) {
        JsonArrayBuilder roles = Json.createArrayBuilder();
        new TreeSet<>(p.roles()).forEach(roles::add);
        var body = Json.createObjectBuilder()
                .add("login", p.login())
                .add("displayName", p.displayName())
                .add("roles", roles);
        if (p.extension() != null) {
            body.add("extension", p.extension());
        }
        return Response.ok(body.build()).build();
    }
}
