package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.tickets.DeadlineColour;
import org.kefu.tickets.NewTicket;
import org.kefu.tickets.Opened;
import org.kefu.tickets.TicketStatus;
import org.kefu.tickets.TicketType;
import org.kefu.tickets.Tickets;

import java.net.URI;
import java.time.Instant;
import java.util.List;

/**
 * /kefu/api/tickets: work orders (工单, issue 17) with the deadlines of their type in working days.
 * Agents open, read and move tickets on (409 where the workflow does not allow it); supervisors
 * also list the overdue ones.
 */
@Path("tickets")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin"})
@SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin"})
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not an agent, supervisor or admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class TicketResource {

    /** How close: GREEN, YELLOW (little time left), RED (overdue); absent when no deadline runs. */
    public record Ticket(long number, String type, String category, String subject, String description, String status,
                         String channel, Long customerId, String callerPhone, String createdBy, String assignee,
                         Instant createdAt, Instant acceptBy, Instant answerBy,
                         @Schema(description = "the deadline that runs now: accepting, then answering") Instant deadline,
                         String colour) {
    }

    /** A new ticket: its type sets the deadlines (its category may set the answer's). */
    public record Draft(@NotBlank @Size(max = 16) String type,
                        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_.-]+") String category,
                        @NotBlank @Size(max = 200) String subject, @Size(max = 2000) String description,
                        @Positive Long customerId, @Pattern(regexp = "\\+?[0-9]{3,20}") String callerPhone,
                        @Size(max = 64) String callRef) {
    }

    /** A move: where to, and why (resolving: the answer). */
    public record Move(@NotNull @Pattern(regexp = "OPEN|IN_PROGRESS|RESOLVED|CLOSED", message = "must be OPEN, IN_PROGRESS, RESOLVED or CLOSED")
                       String to, @Size(max = 1000) String note) {
    }

    /** One step of a ticket's history. */
    public record Step(Instant at, String actor, String from, String to, String note) {
    }

    /** A category of the tree; answerDays, when set, overrides the type's answer deadline. */
    public record Category(String code, String parent, String nameZh, String nameEn, Integer answerDays) {
    }

    /** A ticket type and its deadlines in working days. */
    public record Type(String code, String nameZh, String nameEn, int priority, int acceptDays, int answerDays) {
    }

    @EJB
    private Tickets tickets;

    @Context
    private SecurityContext security;

    @GET
    @Path("types")
    @APIResponse(responseCode = "200", description = "most urgent first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Type.class)))
    public List<Type> types() {
        return tickets.types().stream().map(TicketResource::type).toList();
    }

    @GET
    @Path("categories")
    @APIResponse(responseCode = "200", description = "every category, by code; each names its parent",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Category.class)))
    public List<Category> categories() {
        return tickets.categories().stream().map(c -> new Category(c.getCode(), c.getParentCode(), c.getNameZh(), c.getNameEn(),
                c.getAnswerDays())).toList();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "201", description = "opened, with its number and deadlines", content = @Content(schema = @Schema(implementation = Ticket.class)))
    @APIResponse(responseCode = "200", description = "a repeat: the same customer or number has an open ticket of this type and category"
            + " about much the same; the repeat is noted on it and it is returned", content = @Content(schema = @Schema(implementation = Ticket.class)))
    @APIResponse(responseCode = "400", description = "a missing or bad field, or an unknown type or category", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response open(@NotNull @Valid Draft draft) {
        Opened opened = tickets.open(new NewTicket(draft.customerId(), draft.callerPhone(), draft.type().strip(),
                draft.category().strip(), draft.subject().strip(), draft.description(), "AGENT", draft.callRef(),
                security.getUserPrincipal().getName()));
        org.kefu.tickets.Ticket t = opened.ticket();
        return (opened.repeat() ? Response.ok().location(URI.create("tickets/" + t.getId())) : Response.created(URI.create("tickets/" + t.getId())))
                .entity(ticket(t)).build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "the tickets of a phone number (the caller's, or any of a customer's) or of"
            + " the customer with a national ID number; newest first, at most 100",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Ticket.class)))
    @APIResponse(responseCode = "400", description = "neither or both of phone and idNumber", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response search(@Parameter(description = "a phone number") @QueryParam("phone") String phone,
                           @Parameter(description = "a national ID number (居民身份证号)") @QueryParam("idNumber") String idNumber) {
        boolean byPhone = phone != null && !phone.isBlank();
        boolean byId = idNumber != null && !idNumber.isBlank();
        if (byPhone == byId) {
            return ApiError.response(Response.Status.BAD_REQUEST, "give ?phone= or ?idNumber=");
        }
        return Response.ok(tickets.ofPhoneOrIdNumber(byPhone ? phone.strip() : null, byId ? idNumber.strip() : null).stream()
                .map(TicketResource::ticket).toList()).build();
    }

    @POST
    @Path("{number}/moves")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "moved (audited TICKET_MOVE)", content = @Content(schema = @Schema(implementation = Ticket.class)))
    @APIResponse(responseCode = "400", description = "a bad status, or resolving without the answer", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "the workflow does not allow that move from where the ticket is",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Ticket move(@PathParam("number") long number, @NotNull @Valid Move move) {
        return ticket(tickets.move(number, TicketStatus.valueOf(move.to()), security.getUserPrincipal().getName(),
                move.note() == null || move.note().isBlank() ? null : move.note().strip()));
    }

    @GET
    @Path("{number}/history")
    @APIResponse(responseCode = "200", description = "every step, oldest first: moves, and repeats noted on it",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Step.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<Step> history(@PathParam("number") long number) {
        tickets.find(number);
        return tickets.history(number).stream().map(e -> new Step(e.getOccurredAt(), e.getActor(),
                e.getFromStatus() == null ? null : e.getFromStatus().name(), e.getToStatus().name(), e.getNote())).toList();
    }

    @GET
    @Path("{number}")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Ticket.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Ticket one(@PathParam("number") long number) {
        return ticket(tickets.find(number));
    }

    @GET
    @Path("overdue")
    @RolesAllowed({"supervisor", "admin"})
    @SecurityRequirement(name = "basic", scopes = {"supervisor", "admin"})
    @APIResponse(responseCode = "200", description = "open tickets past the deadline that runs, the longest overdue first; at most 500",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Ticket.class)))
    public List<Ticket> overdue() {
        return tickets.overdue(500).stream().map(TicketResource::ticket).toList();
    }

    private static Ticket ticket(org.kefu.tickets.Ticket t) {
        Instant deadline = t.currentDeadline();
        return new Ticket(t.getId(), t.getType(), t.getCategory(), t.getSubject(), t.getDescription(), t.getStatus().name(),
                t.getChannel(), t.getCustomerId(), t.getCallerPhone(), t.getCreatedBy(), t.getAssignee(), t.getCreatedAt(),
                t.getAcceptBy(), t.getAnswerBy(), deadline,
                deadline == null ? null : DeadlineColour.of(t.getCreatedAt(), deadline, Instant.now()).name());
    }

    private static Type type(TicketType t) {
        return new Type(t.getCode(), t.getNameZh(), t.getNameEn(), t.getPriority(), t.getAcceptDays(), t.getAnswerDays());
    }
}
