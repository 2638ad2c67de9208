package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.security.UserDirectory;
import org.kefu.security.UserProfile;

import java.util.List;
import java.util.TreeSet;

/** GET /kefu/api/me: who the caller is, for CTI desktops checking their credentials. */
@Path("me")
@RolesAllowed({"agent", "supervisor", "admin", "backoffice"})
@SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin", "backoffice"})
public class MeResource {

    /** The signed-in user; extension only for a user with a desk phone. */
    public record Me(String login, String displayName, List<String> roles, String extension) {
    }

    @EJB
    private UserDirectory directory;

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Me.class)))
    @APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "the login has no user row", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response me() {
        return directory.currentUser()
                .map(p -> Response.ok(me(p)).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no user for this login"));
    }

    private static Me me(UserProfile p) {
        return new Me(p.login(), p.displayName(), List.copyOf(new TreeSet<>(p.roles())), p.extension());
    }
}
