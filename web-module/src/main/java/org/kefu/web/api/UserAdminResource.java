package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.security.UserAdministration;

/** POST /kefu/api/users/{login}/unlock: lets a locked-out user sign in again (admins only). */
@Path("users")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed("admin")
@SecurityRequirement(name = "basic", scopes = {"admin"})
public class UserAdminResource {

    @EJB
    private UserAdministration administration;

    @Context
    private HttpServletRequest request;

    @POST
    @Path("{login}/unlock")
    @APIResponse(responseCode = "204", description = "the user may sign in again")
    @APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such user", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response unlock(@PathParam("login") String login) {
        return administration.unlock(login, request.getRemoteAddr())
                ? Response.noContent().build()
                : ApiError.response(Response.Status.NOT_FOUND, "no user " + login);
    }
}
