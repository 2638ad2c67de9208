package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.outbound.DoNotCallEntry;
import org.kefu.outbound.DoNotCallList;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * /kefu/api/do-not-call: the numbers and customers Kefu must not dial on its outbound paths
 * (callbacks, agents' click-to-dial; see the dial policy). PUT lists a number or a customer (or
 * renews its entry), DELETE takes it off; every change is audited (DNC_ADD, DNC_REMOVE).
 */
@Path("do-not-call")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
@SecurityRequirement(name = "basic", scopes = {"supervisor", "admin"})
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not a supervisor or admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class DoNotCallResource {

    /** An entry: a number, or a customer (all the customer's numbers). */
    public record Entry(long id, String phone, Long customerId, String reason, String addedBy, Instant addedAt,
                        @Schema(description = "absent: until taken off") Instant expiresAt) {
    }

    /** Why, and until when (ISO-8601 instant; absent: until taken off). */
    public record Listing(@NotBlank @Size(max = 200) String reason,
                         @Schema(format = "date-time") String expiresAt) {
    }

    @EJB
    private DoNotCallList list;

    @Context
    private SecurityContext security;

    @Context
    private HttpServletRequest request;

    @GET
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Entry.class)))
    public List<Entry> entries() {
        return list.entries().stream().map(DoNotCallResource::entry).toList();
    }

    @PUT
    @Path("numbers/{phone}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "listed (or renewed)", content = @Content(schema = @Schema(implementation = Entry.class)))
    @APIResponse(responseCode = "400", description = "a bad number, reason or date", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Entry listNumber(@PathParam("phone") String phone, @NotNull @Valid Listing body) {
        return entry(list.listNumber(phone, body.reason(), expiry(body), actor(), request.getRemoteAddr()));
    }

    @DELETE
    @Path("numbers/{phone}")
    @APIResponse(responseCode = "204", description = "taken off")
    @APIResponse(responseCode = "404", description = "the number is not listed", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response unlistNumber(@PathParam("phone") String phone) {
        return list.unlistNumber(phone, actor(), request.getRemoteAddr()) ? Response.noContent().build()
                : ApiError.response(Response.Status.NOT_FOUND, "number " + phone + " is not on the list");
    }

    @PUT
    @Path("customers/{id}")
    @Consumes(MediaType.APPLICATION_JSON)
    @APIResponse(responseCode = "200", description = "listed (or renewed)", content = @Content(schema = @Schema(implementation = Entry.class)))
    @APIResponse(responseCode = "400", description = "a bad reason or date", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "404", description = "no such customer", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Entry listCustomer(@PathParam("id") long id, @NotNull @Valid Listing body) {
        return entry(list.listCustomer(id, body.reason(), expiry(body), actor(), request.getRemoteAddr()));
    }

    @DELETE
    @Path("customers/{id}")
    @APIResponse(responseCode = "204", description = "taken off")
    @APIResponse(responseCode = "404", description = "the customer is not listed", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response unlistCustomer(@PathParam("id") long id) {
        return list.unlistCustomer(id, actor(), request.getRemoteAddr()) ? Response.noContent().build()
                : ApiError.response(Response.Status.NOT_FOUND, "customer " + id + " is not on the list");
    }

    private String actor() {
        return security.getUserPrincipal().getName();
    }

    private static Instant expiry(Listing body) {
        try {
            return body.expiresAt() == null || body.expiresAt().isBlank() ? null : Instant.parse(body.expiresAt().strip());
        } catch (DateTimeParseException e) {
            throw new org.kefu.outbound.DoNotCallRefused("expiresAt must be an ISO-8601 instant", false);
        }
    }

    private static Entry entry(DoNotCallEntry e) {
        return new Entry(e.getId(), e.getPhone(), e.getCustomerId(), e.getReason(), e.getAddedBy(), e.getAddedAt(), e.getExpiresAt());
    }
}
