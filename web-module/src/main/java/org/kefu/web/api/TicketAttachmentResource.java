package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
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
import org.kefu.tickets.TicketAttachment;
import org.kefu.tickets.TicketAttachments;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;

/**
 * Files attached to a ticket (issue 17): {@code POST /api/tickets/{number}/attachments?name=…}
 * with the file as the request body; the list; one file back. Whoever may see the ticket (a
 * department's handler: only their departments' tickets). Too large 413, a kind not taken 415.
 */
@Path("tickets/{number}/attachments")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"agent", "supervisor", "admin", "department"})
@SecurityRequirement(name = "basic", scopes = {"agent", "supervisor", "admin", "department"})
@APIResponse(responseCode = "404", description = "no such ticket (or not one of the handler's departments'), or no such file",
        content = @Content(schema = @Schema(implementation = ApiError.class)))
public class TicketAttachmentResource {

    @EJB
    private TicketAttachments attachments;

    public record Attachment(long id, String name, String contentType, long size, String sha256, String uploadedBy, Instant uploadedAt) {
    }

    @POST
    @Consumes(MediaType.WILDCARD)
    @APIResponse(responseCode = "201", description = "attached", content = @Content(schema = @Schema(implementation = Attachment.class)))
    @APIResponse(responseCode = "400", description = "no name, an empty file, or 20 files on the ticket already",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "409", description = "the ticket is closed", content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "413", description = "larger than the limit (5 MB by default)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    @APIResponse(responseCode = "415", description = "not a PDF, PNG, JPEG, .docx, .xlsx or UTF-8 .txt file (told by its bytes)",
            content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response attach(@PathParam("number") long number,
                           @Parameter(description = "the file's name, e.g. 电表照片.jpg") @QueryParam("name") String name,
                           @HeaderParam("Content-Length") Long declaredLength, InputStream body) throws IOException {
        int max = TicketAttachments.MAX_BYTES;
        if (declaredLength != null && declaredLength > max) {
            return ApiError.response(Response.Status.REQUEST_ENTITY_TOO_LARGE, "A file may have at most " + max + " bytes");
        }
        // Never more than the limit in memory: one byte beyond it is enough to refuse.
        byte[] content = body == null ? new byte[0] : body.readNBytes(max + 1);
        TicketAttachment a = attachments.attach(number, name, content);
        return Response.created(URI.create("tickets/" + number + "/attachments/" + a.getId())).entity(view(a)).build();
    }

    @GET
    @APIResponse(responseCode = "200", description = "the ticket's files, oldest first",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Attachment.class)))
    public List<Attachment> list(@PathParam("number") long number) {
        return attachments.of(number).stream().map(TicketAttachmentResource::view).toList();
    }

    @GET
    @Path("{id}")
    @Produces(MediaType.WILDCARD)
    @APIResponse(responseCode = "200", description = "the file, as a download, with the type told from its bytes",
            content = @Content(mediaType = MediaType.APPLICATION_OCTET_STREAM, schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response file(@PathParam("number") long number, @PathParam("id") long id) {
        TicketAttachments.Content c = attachments.content(number, id);
        String name = c.attachment().getFileName();
        String ascii = name.replaceAll("[^A-Za-z0-9._-]", "_");
        return Response.ok(c.bytes(), c.attachment().getContentType())
                // Always a download, never rendered in Kefu's origin; the UTF-8 name for browsers that read it.
                .header("Content-Disposition", "attachment; filename=\"" + ascii + "\"; filename*=UTF-8''"
                        + URLEncoder.encode(name, StandardCharsets.UTF_8).replace("+", "%20"))
                .header("X-Content-Type-Options", "nosniff")
                .header("Content-Security-Policy", "sandbox")
                .header("X-Checksum-SHA256", c.attachment().getSha256())
                .build();
    }

    private static Attachment view(TicketAttachment a) {
        return new Attachment(a.getId(), a.getFileName(), a.getContentType(), a.getSizeBytes(), a.getSha256(), a.getUploadedBy(),
                a.getUploadedAt());
    }
}
