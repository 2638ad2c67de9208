package org.kefu.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
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
import org.kefu.tickets.Opened;
import org.kefu.tickets.PublicTicketQueries;
import org.kefu.tickets.PublicTicketReports;
import org.kefu.tickets.Ticket;

import java.net.URI;
import java.time.Instant;

/**
 * The public web site's tickets, without a login. POST /kefu/api/public/tickets reports one
 * (201, or 200 for a repeat of an open report about much the same; 400 for a bad form naming the
 * field; 429 with Retry-After when the address or the number reported too often). GET
 * /kefu/api/public/tickets/{number}?phone=…: a ticket's status given its number and the phone
 * number it was reported from; 404 for a wrong pair as for no ticket; 429 when the address asked
 * too often. The limits are {@link PublicTicketReports}' and {@link PublicTicketQueries}'.
 */
@Path("public/tickets")
@PermitAll
public class PublicTicketResource {

    /** What the public may know of a ticket: no names, no text, no handler. */
    @Schema(name = "PublicTicketStatus")
    public record Status(long number, String type, String status, Instant updatedAt,
                         @Schema(description = "the answer is due by then (absent: no deadline)") Instant answerBy) {
    }

    /** {"phone":"13800000071","type":"REPAIR","category":"WATER","subject":"楼道水管漏水","description":"3号楼2单元"}. */
    @Schema(name = "PublicTicketReport")
    public record Report(@Schema(description = "a mainland mobile or landline number, to answer to") @NotBlank @Size(max = 21) String phone,
                         @Schema(description = "a ticket type's code (GET /api/tickets/types)") @NotBlank @Size(max = 16) String type,
                         @Schema(description = "a category's code (GET /api/tickets/categories)") @NotBlank @Size(max = 32) String category,
                         @NotBlank @Size(max = 200) String subject, @Size(max = 2000) String description) {
    }

    /** What the reporter is told: the number to quote and to look the ticket up with. */
    @Schema(name = "PublicTicketReported")
    public record Reported(long number, String status, @Schema(description = "the answer is due by then") Instant answerBy,
                           @Schema(description = "true: an open report about much the same was found and this one noted on it") boolean repeat) {
    }

    @EJB
    private PublicTicketQueries queries;

    @EJB
    private PublicTicketReports reports;

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

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @APIResponse(responseCode = "201", description = "opened", content = @Content(schema = @Schema(implementation = Reported.class)))
    @APIResponse(responseCode = "200", description = "a repeat, noted on the open ticket", content = @Content(schema = @Schema(implementation = Reported.class)))
    @APIResponse(responseCode = "400", description = "a bad form, or an unknown type or category", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "too many reports from the address or for the number",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(implementation = Integer.class)),
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response report(@NotNull @Valid Report form) {
        Opened opened = reports.report(form.phone(), form.type(), form.category(), form.subject(), form.description(), http.getRemoteAddr());
        Ticket t = opened.ticket();
        Reported body = new Reported(t.getId(), t.getStatus().name(), t.getAnswerBy(), opened.repeat());
        return (opened.repeat() ? Response.ok() : Response.created(URI.create("public/tickets/" + t.getId()))).entity(body).build();
    }

    private static Status status(Ticket t) {
        return new Status(t.getId(), t.getType(), t.getStatus().name(), t.getUpdatedAt(), t.getAnswerBy());
    }
}
