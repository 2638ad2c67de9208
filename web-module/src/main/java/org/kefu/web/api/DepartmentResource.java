package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.tickets.Departments;
import org.kefu.tickets.TicketWorkflow;

import java.time.Instant;
import java.util.List;

/**
 * /kefu/api/departments: the handling departments (承办单位, issue 17), where the dispatch rules
 * send each category, and a department's queue of tickets, which its own handlers and the centre
 * may read.
 */
@Path("departments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin", "department"})
@SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin", "department"})
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not of the centre or a department", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class DepartmentResource {

    /** A department of the tree, its head and its handlers' logins. */
    public record Department(String code, String parent, String nameZh, String nameEn, String head, List<String> handlers) {
    }

    /** Tickets of {@code category} (and the categories below it) from callers of the region go to {@code department}. */
    public record DispatchRule(String category, @Schema(description = "absent: any") String province,
                               @Schema(description = "absent: any") String city, String department) {
    }

    @EJB
    private Departments departments;

    @EJB
    private TicketWorkflow workflow;

    @GET
    @APIResponse(responseCode = "200", description = "every department, by code; each names its parent",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Department.class)))
    public List<Department> all() {
        return departments.all().stream().map(d -> new Department(d.getCode(), d.getParentCode(), d.getNameZh(), d.getNameEn(),
                d.getHeadLogin(), List.copyOf(d.getMembers()))).toList();
    }

    /** A department's tickets now: dispatched but not taken, in progress, waiting; overdue and yellow among them. */
    public record Load(String code, String nameZh, String nameEn, long dispatched, long inProgress, long waiting, long total,
                       long overdue, long yellow) {
    }

    @GET
    @Path("load")
    @RolesAllowed({"supervisor", "admin"})
    @SecurityRequirement(name = "basic", scopes = {"supervisor", "admin"})
    @APIResponse(responseCode = "200", description = "every department's tickets now, the most overdue first, then the largest",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Load.class)))
    public List<Load> load() {
        return departments.load(Instant.now()).stream().map(l -> new Load(l.code(), l.nameZh(), l.nameEn(), l.dispatched(),
                l.inProgress(), l.waiting(), l.total(), l.overdue(), l.yellow())).toList();
    }

    @GET
    @Path("dispatch-rules")
    @RolesAllowed({"agent", "supervisor", "admin"})
    @SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin"})
    @APIResponse(responseCode = "200", description = "by category; a city's rule beats a province's, which beats one for anywhere,"
            + " then the deepest category wins", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = DispatchRule.class)))
    public List<DispatchRule> rules() {
        return departments.rules().stream().map(r -> new DispatchRule(r.getCategoryCode(), r.getProvince(), r.getCity(),
                r.getDepartmentCode())).toList();
    }

    @GET
    @Path("{code}/tickets")
    @APIResponse(responseCode = "200", description = "the tickets with the department now (dispatched, in progress, co-handled),"
            + " the nearest answer deadline first; `limit` of them (default 100, at most 500) after skipping `offset`",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = TicketResource.Ticket.class)))
    @APIResponse(responseCode = "400", description = "no such department (or not one of the handler's own); offset or limit not a"
            + " number in range", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public List<TicketResource.Ticket> queue(@PathParam("code") String code,
                                             @Parameter(description = "rows to skip (default 0)") @QueryParam("offset") String offset,
                                             @Parameter(description = "rows to return, 1 to 500 (default 100)") @QueryParam("limit") String limit) {
        Page page = Page.of(offset, limit, 100, 500);
        return workflow.queue(code, page.offset(), page.limit()).stream().map(TicketResource::ticket).toList();
    }
}
