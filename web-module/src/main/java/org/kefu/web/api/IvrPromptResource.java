package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
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
import org.kefu.ivr.admin.IvrFlowException;
import org.kefu.ivr.admin.PromptUploads;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;

/**
 * Prompt recordings (admins only): POST /api/ivr/prompts/{lang}/{name} with an 8 kHz mono WAV
 * (16-bit PCM or G.711) stores it in the prompt folder, where the switch plays it from the next
 * call on and flows may use the name (201); a bad file or name is 400 with the reason.
 * GET /api/ivr/prompts lists the uploaded prompts.
 */
@Path("ivr/prompts")
@RolesAllowed("admin")
@Produces(MediaType.APPLICATION_JSON)
public class IvrPromptResource {

    @EJB
    private PromptUploads uploads;

    @Context
    private HttpServletRequest request;

    @GET
    public Response list() {
        JsonArrayBuilder a = Json.createArrayBuilder();
        uploads.uploaded().forEach(a::add);
        return Response.ok(a.build()).build();
    }

    @POST
    @Path("{lang}/{name}")
    @Consumes({"audio/wav", "audio/x-wav", "audio/wave", MediaType.APPLICATION_OCTET_STREAM})
    public Response upload(@PathParam("lang") String lang, @PathParam("name") String name, InputStream body) throws IOException {
        // Read one byte past the limit so an oversized body is refused without holding all of it.
        byte[] wav = body.readNBytes(org.kefu.ivr.admin.PromptFolder.MAX_BYTES + 1);
        try {
            String entry = uploads.upload(lang, name, wav, request.getRemoteAddr());
            return Response.created(URI.create("ivr/prompts/" + entry))
                    .entity(Json.createObjectBuilder().add("prompt", entry).add("bytes", wav.length).build()).build();
        } catch (IvrFlowException e) {
            return ApiError.problems("invalid prompt", e.problems()).toResponse(Response.Status.BAD_REQUEST);
        }
    }
}
