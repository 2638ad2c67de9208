package org.kefu.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.container.ResourceInfo;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.ext.Provider;
import jakarta.annotation.security.PermitAll;
import jakarta.json.Json;
import jakarta.servlet.http.HttpServletRequest;
import org.kefu.guard.LoginGuard;
import org.kefu.web.security.BasicCredentials;


/**
 * REST clients get a 401 with a BASIC challenge, not the console's login page: the API is
 * left out of web.xml's constraints (which would answer with the FORM page) and guarded here;
 * roles are then checked per resource with @RolesAllowed.
 */
@Provider
@Priority(Priorities.AUTHENTICATION)
public class ApiAuthentication implements ContainerRequestFilter {

    @Context
    private ResourceInfo resource;

    @Context
    private HttpServletRequest servletRequest;

    @Override
    public void filter(ContainerRequestContext request) {
        if (isPublic()) {
            return;
        }
        if (request.getSecurityContext().getUserPrincipal() == null) {
            String login = basicLogin(request.getHeaderString(HttpHeaders.AUTHORIZATION));
            if (login != null) {
                // Refused credentials: say so, and say when the guard holds this address back.
                LoginGuard.Decision d = LoginGuard.get().check(login, servletRequest.getRemoteAddr());
                if (d.refuses()) {
                    request.abortWith(Response.status(429)
                            .header("Retry-After", String.valueOf(d.retryAfterSeconds()))
                            .type(MediaType.APPLICATION_JSON)
                            .entity(Json.createObjectBuilder()
                                    .add("error", "too many failed logins from this address; try again later")
                                    .add("retryAfterSeconds", d.retryAfterSeconds())
                                    .build().toString())
                            .build());
                    return;
                }
            }
            request.abortWith(Response.status(Response.Status.UNAUTHORIZED)
                    .header(HttpHeaders.WWW_AUTHENTICATE, "Basic realm=\"Kefu\"")
                    .type(MediaType.APPLICATION_JSON)
                    .entity(login == null ? "{\"error\":\"authentication required\"}" : "{\"error\":\"wrong login or password\"}")
                    .build());
        }
    }

    static String basicLogin(String authorization) {
        return BasicCredentials.login(authorization);
    }

    private boolean isPublic() {
        return resource.getResourceMethod() != null
                && (resource.getResourceMethod().isAnnotationPresent(PermitAll.class)
                || resource.getResourceClass().isAnnotationPresent(PermitAll.class));
    }
}
