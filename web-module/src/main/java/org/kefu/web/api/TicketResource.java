package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
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
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
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
import org.kefu.outbound.informing.AnswerNotices;
import org.kefu.outbound.informing.VisitCalls;
import org.kefu.tickets.DeadlineColour;
import org.kefu.tickets.NewTicket;
import org.kefu.tickets.Opened;
import org.kefu.tickets.Satisfaction;
import org.kefu.tickets.TicketAction;
import org.kefu.tickets.TicketEscalation;
import org.kefu.tickets.TicketEscalations;
import org.kefu.tickets.TicketFigures;
import org.kefu.tickets.TicketType;
import org.kefu.tickets.TicketWorkflow;
import org.kefu.tickets.Tickets;

import java.net.URI;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * /kefu/api/tickets: work orders (工单, issue 17) with the deadlines of their type in working days.
 * The centre (agents, supervisors) opens, finds, dispatches, informs, visits and closes tickets;
 * a department's handlers read and work the tickets of their departments (actions: 409 where the
 * workflow does not allow it); supervisors also list the overdue ones.
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
                         String colour,
                         @Schema(description = "the lead department; absent while the centre has it") String department,
                         @Schema(description = "departments helping (协办)") List<String> coDepartments,
                         int reopenCount, @Schema(description = "the answer") String answer) {
    }

    /** A new ticket: its type sets the deadlines (its category may set the answer's). */
    public record Draft(@NotBlank @Size(max = 16) String type,
                        @NotBlank @Size(max = 32) @Pattern(regexp = "[A-Za-z0-9_.-]+") String category,
                        @NotBlank @Size(max = 200) String subject, @Size(max = 2000) String description,
                        @Positive Long customerId, @Pattern(regexp = "\\+?[0-9]{3,20}") String callerPhone,
                        @Size(max = 64) String callRef) {
    }

    /**
     * An action on a ticket. The centre: ACCEPT, DISPATCH (to {@code department}, else where the
     * dispatch rules send it; optionally to a {@code handler}), TRANSFER (to another department,
     * with the reason), CO_HANDLE (add a helping department), ANSWER (what it did not dispatch),
     * INFORM, CLOSE, REOPEN (with the reason). The department: START (take it), RETURN (退单, with
     * the reason), ANSWER (the note is the answer). Either side, on what it has: WAIT for the
     * customer (what is needed, as the note; the clock stops) and RESUME.
     */
    public record Action(@NotNull @Pattern(regexp = ACTIONS, message = "must be one of " + ACTIONS) String action,
                         @Size(max = 32) String department, @Size(max = 32) String handler, @Size(max = 1000) String note) {
    }

    static final String ACTIONS = "ACCEPT|DISPATCH|TRANSFER|CO_HANDLE|START|RETURN|ANSWER|WAIT|RESUME|INFORM|CLOSE|REOPEN";

    /** What the customer said on the satisfaction visit; solved with a score of 3 or more is satisfied, else it reopens. */
    public record Visit(@NotNull Boolean solved, @NotNull @Min(1) @Max(5) Integer attitude, @NotNull Boolean charged,
                        @NotNull @Min(1) @Max(5) Integer score, @Size(max = 500) String comment) {
    }

    /** A visit as recorded. */
    public record VisitRecord(Instant at, String visitor, boolean solved, int attitude, boolean charged, int score, String comment) {
    }

    /** A warning that a ticket runs late: level 1 to its department's head, level 2 to the centre's supervisors. */
    public record Escalation(long ticket, int level, @Schema(description = "a login, or supervisors") String recipient,
                             String reason, Instant raisedAt) {
    }

    /** How many tickets have this type, channel, department (CENTRE: none) or status. */
    public record Count(String key, long tickets) {
    }

    /** The figures of the tickets opened in a span of days, and of the visits made in it. */
    public record Figures(LocalDate from, LocalDate to, long opened, List<Count> byType, List<Count> byChannel,
                          List<Count> byDepartment, List<Count> byStatus, long answered,
                          @Schema(description = "answered by the answer deadline") long answeredOnTime,
                          @Schema(description = "answeredOnTime / answered; absent when none was answered") Double onTimeRate,
                          long visits, long satisfied, @Schema(description = "satisfied / visits") Double satisfiedRate,
                          @Schema(description = "the visits' average score, 1 to 5") Double averageScore) {
    }

    /** One step of a ticket's history. */
    public record Step(Instant at, String actor, @Schema(description = "the action; absent for the opening and repeats") String action,
                       String from, String to, String note) {
    }

    /** A category of the tree; answerDays, when set, overrides the type's answer deadline. */
    public record Category(String code, String parent, String nameZh, String nameEn, Integer answerDays) {
    }

    /** A ticket type and its deadlines in working days. */
    public record Type(String code, String nameZh, String nameEn, int priority, int acceptDays, int answerDays) {
    }

    @EJB
    private Tickets tickets;

    @EJB
    private TicketWorkflow workflow;

    @EJB
    private TicketEscalations escalations;

    @EJB
    private TicketFigures figures;

    @EJB
    private AnswerNotices answerNotices;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest http;

    @EJB
    private VisitCalls visitCalls;

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
    @Path("{number}/actions")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"agent", "supervisor", "admin", "department"})
    @SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin", "department"})
    @APIResponse(responseCode = "200", description = "done (audited TICKET_ and the action)", content = @Content(schema = @Schema(implementation = Ticket.class)))
    @APIResponse(responseCode = "400", description = "a bad action, a missing reason or answer, an unknown department or handler, or no"
            + " dispatch rule for the ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "an action of the other side (centre or department)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such ticket (or not one of the handler's departments)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "the workflow does not allow that action from where the ticket is",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Ticket act(@PathParam("number") long number, @NotNull @Valid Action action) {
        return ticket(workflow.act(number, TicketAction.valueOf(action.action()), blankToNull(action.department()),
                blankToNull(action.handler()), blankToNull(action.note())));
    }

    /** The visit's call: ringing at the customer's. */
    public record VisitCall(@Schema(description = "the switch's call id") String call) {
    }

    @POST
    @Path("{number}/visit-calls")
    @APIResponse(responseCode = "202", description = "the customer's phone rings; the IVR flow ticket-visit asks the questions and"
            + " records the answers as the ticket's visit (audited TICKET_VISIT_CALL)",
            content = @Content(schema = @Schema(implementation = VisitCall.class)))
    @APIResponse(responseCode = "400", description = "the ticket has no number to call", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "the dial policy refuses the number now (categories, do-not-call list,"
            + " calling hours)", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "the ticket is not answered and told (INFORMED)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "503", description = "the switch could not place the call", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response callForVisit(@PathParam("number") long number) {
        Set<String> roles = Stream.of("agent", "supervisor", "admin").filter(security::isUserInRole).collect(Collectors.toSet());
        String call = visitCalls.call(number, security.getUserPrincipal().getName(), roles, http.getRemoteAddr());
        return Response.accepted(new VisitCall(call)).build();
    }

    @POST
    @Path("{number}/visits")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "recorded: VISITED, or reopened when the customer is not satisfied",
            content = @Content(schema = @Schema(implementation = Ticket.class)))
    @APIResponse(responseCode = "400", description = "a missing or bad answer", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "the customer has not been informed of the answer yet",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Ticket visit(@PathParam("number") long number, @NotNull @Valid Visit visit) {
        return ticket(workflow.visit(number, new Satisfaction(visit.solved(), visit.attitude(), visit.charged(), visit.score(),
                blankToNull(visit.comment()))));
    }

    @GET
    @Path("{number}/visits")
    @RolesAllowed({"agent", "supervisor", "admin", "department"})
    @SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin", "department"})
    @APIResponse(responseCode = "200", description = "every satisfaction visit, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = VisitRecord.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<VisitRecord> visits(@PathParam("number") long number) {
        return workflow.visits(number).stream().map(v -> new VisitRecord(v.getVisitedAt(), v.getVisitor(), v.isSolved(), v.getAttitude(),
                v.isCharged(), v.getScore(), v.getComment())).toList();
    }

    /** How the customer was told an answer: by SMS, e-mail or a call back, and how far that got. */
    public record Notice(int round, String channel, String address, String status, String reason, int tries, Instant createdAt,
                         Instant updatedAt) {
    }

    @GET
    @Path("{number}/notices")
    @RolesAllowed({"agent", "supervisor", "admin"})
    @SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin"})
    @APIResponse(responseCode = "200", description = "how the customer was told each answer (round: the reopen count), oldest"
            + " first: SMS, EMAIL or CALL; QUEUED, SENDING, SENT, FAILED, REFUSED (do-not-call), UNCERTAIN or CALLBACK (waiting for"
            + " an agent to reach them)", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Notice.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<Notice> notices(@PathParam("number") long number) {
        workflow.visible(number);
        return answerNotices.of(number).stream().map(n -> new Notice(n.getRound(), n.getChannel().name(), n.getAddress(), n.getStatus(),
                n.getReason(), n.getTries(), n.getCreatedAt(), n.getUpdatedAt())).toList();
    }

    @GET
    @Path("{number}/history")
    @RolesAllowed({"agent", "supervisor", "admin", "department"})
    @SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin", "department"})
    @APIResponse(responseCode = "200", description = "every step, oldest first: actions, and repeats noted on it",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Step.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<Step> history(@PathParam("number") long number) {
        return workflow.history(number).stream().map(e -> new Step(e.getOccurredAt(), e.getActor(),
                e.getAction() == null ? null : e.getAction().name(),
                e.getFromStatus() == null ? null : e.getFromStatus().name(), e.getToStatus().name(), e.getNote())).toList();
    }

    @GET
    @Path("{number}")
    @RolesAllowed({"agent", "supervisor", "admin", "department"})
    @SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin", "department"})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = Ticket.class)))
    @APIResponse(responseCode = "404", description = "no such ticket", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Ticket one(@PathParam("number") long number) {
        return ticket(workflow.visible(number));
    }

    @GET
    @Path("overdue")
    @RolesAllowed({"supervisor", "admin"})
    @SecurityRequirement(name = "basic", scopes = {"supervisor", "admin"})
    @APIResponse(responseCode = "200", description = "open tickets past the deadline that runs, the longest overdue first;"
            + " `limit` of them (default 100, at most 500) after skipping `offset`",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Ticket.class)))
    @APIResponse(responseCode = "400", description = "offset or limit not a number in range", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<Ticket> overdue(@Parameter(description = "rows to skip (default 0)") @QueryParam("offset") String offset,
                                @Parameter(description = "rows to return, 1 to 500 (default 100)") @QueryParam("limit") String limit) {
        Page page = Page.of(offset, limit, 100, 500);
        return tickets.overdue(page.offset(), page.limit()).stream().map(TicketResource::ticket).toList();
    }

    @GET
    @Path("figures")
    @RolesAllowed({"supervisor", "admin"})
    @SecurityRequirement(name = "basic", scopes = {"supervisor", "admin"})
    @APIResponse(responseCode = "200", description = "the tickets opened from `from` to `to` (Asia/Shanghai; default today) by type,"
            + " channel, lead department and status now, how many were answered and how many by the deadline; the satisfaction"
            + " visits made in those days", content = @Content(schema = @Schema(implementation = Figures.class)))
    @APIResponse(responseCode = "400", description = "not dates, or more than 366 days", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Figures figures(@Parameter(description = "first day, YYYY-MM-DD") @QueryParam("from") String from,
                           @Parameter(description = "last day, YYYY-MM-DD") @QueryParam("to") String to) {
        DaySpan span = DaySpan.of(from, to, 366);
        TicketFigures.Figures f = figures.of(span.from(), span.to());
        return new Figures(f.from(), f.to(), f.opened(), counts(f.byType()), counts(f.byChannel()), counts(f.byDepartment()),
                counts(f.byStatus()), f.answered(), f.answeredOnTime(), f.onTimeRate(), f.visits(), f.satisfied(), f.satisfiedRate(),
                f.averageScore());
    }

    private static List<Count> counts(List<TicketFigures.Count> counts) {
        return counts.stream().map(c -> new Count(c.key(), c.tickets())).toList();
    }

    @GET
    @Path("escalations")
    @RolesAllowed({"supervisor", "admin", "department"})
    @SecurityRequirement(name = "basic", scopes = {"supervisor", "admin", "department"})
    @APIResponse(responseCode = "200", description = "the warnings to the caller (a department's head) or, for supervisors, to the"
            + " centre's supervisors; newest first, at most 200",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Escalation.class)))
    public List<Escalation> escalations() {
        String login = security.getUserPrincipal().getName();
        List<String> recipients = security.isUserInRole("supervisor") || security.isUserInRole("admin")
                ? List.of(login, TicketEscalation.SUPERVISORS) : List.of(login);
        return escalations.to(recipients, 200).stream().map(e -> new Escalation(e.getTicketId(), e.getLevel(), e.getRecipient(),
                e.getReason(), e.getRaisedAt())).toList();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    static Ticket ticket(org.kefu.tickets.Ticket t) {
        Instant deadline = t.currentDeadline();
        return new Ticket(t.getId(), t.getType(), t.getCategory(), t.getSubject(), t.getDescription(), t.getStatus().name(),
                t.getChannel(), t.getCustomerId(), t.getCallerPhone(), t.getCreatedBy(), t.getAssignee(), t.getCreatedAt(),
                t.getAcceptBy(), t.getAnswerBy(), deadline,
                deadline == null ? null : DeadlineColour.of(t.getCreatedAt(), deadline, Instant.now()).name(),
                t.getDepartmentCode(), List.copyOf(t.getCoDepartments()), t.getReopenCount(), t.getResolution());
    }

    private static Type type(TicketType t) {
        return new Type(t.getCode(), t.getNameZh(), t.getNameEn(), t.getPriority(), t.getAcceptDays(), t.getAnswerDays());
    }
}
