package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.RequestBody;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.kefu.ivr.admin.IvrFlowException;
import org.kefu.ivr.admin.PromptUploads;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.util.List;

/**
 * Prompt recordings (admins only): POST /api/ivr/prompts/{lang}/{name} with an 8 kHz mono WAV
 * (16-bit PCM or G.711) stores it in the prompt folder, where the switch plays it from the next
 * call on and flows may use the name (201); a bad file or name is 400 with the reason.
 * GET /api/ivr/prompts lists the uploaded prompts.
 */
@Path("ivr/prompts")
@RolesAllowed("admin")
@SecurityRequirement(name = "basic", scopes = {"admin"})
@Produces(MediaType.APPLICATION_JSON)
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not an admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class IvrPromptResource {

    /** A stored prompt: "lang/name" and the size of its WAV. */
    public record StoredPrompt(@Schema(description = "lang/name, e.g. zh/welcome") String prompt, int bytes) {
    }

    @EJB
    private PromptUploads uploads;

    @Context
    private HttpServletRequest request;

    @GET
    @APIResponse(responseCode = "200", description = "the uploaded prompts as lang/name",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = String.class)))
    public List<String> list() {
        return List.copyOf(uploads.uploaded());
    }

    @POST
    @Path("{lang}/{name}")
    @Consumes({"audio/wav", "audio/x-wav", "audio/wave", MediaType.APPLICATION_OCTET_STREAM})
    @RequestBody(description = "an 8 kHz mono WAV, 16-bit PCM or G.711",
            content = @Content(mediaType = "audio/wav", schema = @Schema(type = SchemaType.STRING, format = "binary")))
    @APIResponse(responseCode = "201", description = "stored; calls play it from the next one on",
            content = @Content(schema = @Schema(implementation = StoredPrompt.class)))
    @APIResponse(responseCode = "400", description = "a bad file or name", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response upload(@PathParam("lang") String lang, @PathParam("name") String name, InputStream body) throws IOException {
        // Read one byte past the limit so an oversized body is refused without holding all of it.
        byte[] wav = body.readNBytes(org.kefu.ivr.admin.PromptFolder.MAX_BYTES + 1);
        try {
            String entry = uploads.upload(lang, name, wav, request.getRemoteAddr());
            return Response.created(URI.create("ivr/prompts/" + entry))
                    .entity(new StoredPrompt(entry, wav.length)).build();
        } catch (IvrFlowException e) {
            return ApiError.problems("invalid prompt", e.problems()).toResponse(Response.Status.BAD_REQUEST);
        }
    }
}
