package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.bind.annotation.JsonbNillable;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.crm.ContactRecords;

import java.time.Instant;

/** Agents' wrap-ups (contact records) of a phone number or a call, for CRM integrations. */
@Path("contact-records")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin"})
@SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin"})
public class ContactRecordResource {

    /** One wrap-up; null where the call had no customer, code or notes. */
    @JsonbNillable
    @Schema(name = "ContactRecord")
    public record ContactRecord(long id, String callRef, Long customerId, String phone,
                                @Schema(description = "the agent's job number") String agent, String wrapUpCode, String notes,
                                Instant recordedAt) {
    }

    @EJB
    private ContactRecords records;

    @GET
    @APIResponse(responseCode = "200", description = "newest first, at most 100",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = ContactRecord.class)))
    @APIResponse(responseCode = "400", description = "neither phone nor callRef given", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "not an agent, supervisor or admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response find(@Parameter(description = "the customer's phone number") @QueryParam("phone") String phone,
                         @Parameter(description = "a call's reference (when no phone is given)") @QueryParam("callRef") String callRef) {
        // Neither criterion: ContactRecordExceptionMapper's 400.
        return Response.ok(records.history(phone, callRef).stream()
                .map(r -> new ContactRecord(r.id(), r.callRef(), r.customerId(), r.phone(), r.agent(), r.wrapUpCode(), r.notes(),
                        r.recordedAt()))
                .toList()).build();
    }
}
