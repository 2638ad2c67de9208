package org.kefu.web.api;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.kefu.outbound.CallbackRefused;
import org.kefu.outbound.PublicCallbacks;

import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * POST /kefu/api/public/callback-requests: "call me back" from the bank's or utility's web site,
 * without a login. 202 with the request's reference; 400 for a bad form, 403 for a number Kefu
 * does not call back, 409 when the number has a request waiting, 429 (with Retry-After) when the
 * address or the number asked too often. The limits are {@link PublicCallbacks}'.
 */
@Path("public/callback-requests")
@PermitAll
public class PublicCallbackResource {

    /** {"phone":"13800000064","reason":"电费账单","queue":"utilities","notBefore":"2026-12-08T01:00:00Z"}. */
    @Schema(name = "PublicCallbackForm")
    public record Form(@Schema(description = "a mainland mobile or landline number") @NotBlank String phone,
                       @Size(max = 200) String reason,
                       @Schema(description = "the queue whose agents call back (default hotline)") String queue,
                       @Schema(description = "not before this instant (ISO-8601)", format = "date-time") String notBefore) {
    }

    /** The request's reference, to quote when the customer asks. */
    public record Accepted(@Schema(description = "web:<uuid>") String reference, @Schema(enumeration = "QUEUED") String status) {
    }

    @EJB
    private PublicCallbacks callbacks;

    @Context
    private HttpServletRequest http;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet({})
    @APIResponse(responseCode = "202", description = "queued to be called back", content = @Content(schema = @Schema(implementation = Accepted.class)))
    @APIResponse(responseCode = "400", description = "a bad form", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "403", description = "a number Kefu does not call back", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "the number has a request waiting", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "429", description = "too many requests from the address or for the number",
            headers = @Header(name = "Retry-After", description = "seconds", schema = @Schema(implementation = Integer.class)),
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response request(@NotNull @Valid Form form) throws CallbackRefused {
        Instant notBefore;
        try {
            notBefore = form.notBefore() == null ? null : Instant.parse(form.notBefore());
        } catch (DateTimeParseException e) {
            return ApiError.response(Response.Status.BAD_REQUEST, "notBefore must be an ISO-8601 instant");
        }
        // A refusal (bad form, number not called back, waiting already, too many) is CallbackRefusedMapper's.
        String reference = callbacks.submit(form.phone(), form.reason(), form.queue(), notBefore, http.getRemoteAddr());
        return Response.accepted(new Accepted(reference, "QUEUED")).build();
    }
}
