package org.kefu.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.kefu.tickets.PublicTicketQueries;
import org.kefu.tickets.Ticket;

import java.time.Instant;

/**
 * GET /kefu/api/public/tickets/{number}?phone=…: a ticket's status for the web site's "my ticket"
 * page, without a login, given its number and the phone number it was reported from. 404 for a
 * wrong pair as for no ticket; 429 (Retry-After) when the address asked too often.
 */
@Path("public/tickets")
@PermitAll
public class PublicTicketResource {

    /** What the public may know of a ticket: no names, no text, no handler. */
    @Schema(name = "PublicTicketStatus")
    public record Status(long number, String type, String status, Instant updatedAt,
                         @Schema(description = "the answer is due by then (absent: no deadline)") Instant answerBy) {
    }

    @EJB
    private PublicTicketQueries queries;

    @Context
    private HttpServletRequest http;

    @GET
    @Path("{number}")
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Status.class)))
    @APIResponse(responseCode = "404", description = "no ticket with that number and phone", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "too many queries from the address",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(implementation = Integer.class)),
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response status(@PathParam("number") long number,
                           @Parameter(description = "the phone number the ticket was reported from") @QueryParam("phone") String phone) {
        return queries.find(number, phone, http.getRemoteAddr())
                .map(t -> Response.ok(status(t)).build())
                .orElseGet(() -> ApiError.response(Response.Status.NOT_FOUND, "no ticket " + number + " for that phone number"));
    }

    private static Status status(Ticket t) {
        return new Status(t.getId(), t.getType(), t.getStatus().name(), t.getUpdatedAt(), t.getAnswerBy());
    }
}
