package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import org.kefu.security.UserAdministration;

/** POST /kefu/api/users/{login}/unlock: lets a locked-out user sign in again (admins only). */
@Path("users")
@RolesAllowed("admin")
public class UserAdminResource {

    @EJB
    private UserAdministration administration;

    @Context
    private HttpServletRequest request;

    @POST
    @Path("{login}/unlock")
    public Response unlock(@PathParam("login") String login) {
        return administration.unlock(login, request.getRemoteAddr())
                ? Response.noContent().build()
                : ApiError.response(Response.Status.NOT_FOUND, "no user " + login);
    }
}
