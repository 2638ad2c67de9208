package org.kefu.web.api;

import jakarta.annotation.Priority;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerRequestFilter;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.ext.Provider;

/**
 * The rule of {@link SelfOrSupervisor}, once for every method that carries it: after the role check
 * (so a caller without an ACD role has had its 403 already), before the method runs.
 */
@Provider
@SelfOrSupervisor
@Priority(Priorities.AUTHORIZATION + 10)
public class SelfOrSupervisorFilter implements ContainerRequestFilter {

    static final String SUBJECT = "jobNumber";

    @Override
    public void filter(ContainerRequestContext request) {
        String subject = request.getUriInfo().getPathParameters().getFirst(SUBJECT);
        SecurityContext security = request.getSecurityContext();
        boolean self = subject != null && security.getUserPrincipal() != null
                && security.getUserPrincipal().getName().equals(subject);
        if (!self && !security.isUserInRole("supervisor") && !security.isUserInRole("admin")) {
            request.abortWith(ApiError.response(Response.Status.FORBIDDEN, "an agent may only act on itself"));
        }
    }
}
