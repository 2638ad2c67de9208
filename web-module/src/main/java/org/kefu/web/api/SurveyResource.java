package org.kefu.web.api;

import jakarta.annotation.security.RolesAllowed;
import jakarta.ejb.EJB;
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
import org.kefu.surveys.SatisfactionSurveys;

import java.math.BigDecimal;
import java.util.Arrays;
import java.util.List;

/**
 * /kefu/api/surveys: the satisfaction surveys callers answer after their agent hung up (queues
 * with a survey flow). GET agents gives, per agent, how many callers were asked, how many keyed
 * a score, the average and each score's count.
 */
@Path("surveys")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({"supervisor", "admin"})
@SecurityRequirement(name = "basic", scopes = {"supervisor", "admin"})
@APIResponse(responseCode = "401", description = "no or wrong credentials", content = @Content(schema = @Schema(implementation = ApiError.class)))
@APIResponse(responseCode = "403", description = "not a supervisor or admin", content = @Content(schema = @Schema(implementation = ApiError.class)))
public class SurveyResource {

    /** One agent's surveys in the span. */
    public record Agent(String agent, long offered, long scored,
                        @Schema(description = "average of the scores keyed, two decimals; absent when none was") BigDecimal average,
                        @Schema(description = "how many callers keyed 1, 2, 3, 4 and 5") List<Long> scores) {
    }

    @EJB
    private SatisfactionSurveys surveys;

    @GET
    @Path("agents")
    @APIResponse(responseCode = "200", description = "per agent (job number), in order",
            content = @Content(schema = @Schema(type = SchemaType.ARRAY, implementation = Agent.class)))
    @APIResponse(responseCode = "400", description = "a bad date, or more than 31 days", content = @Content(schema = @Schema(implementation = ApiError.class)))
    public Response agents(@Parameter(description = "YYYY-MM-DD (Asia/Shanghai), default today") @QueryParam("from") String from,
                           @Parameter(description = "YYYY-MM-DD, default from") @QueryParam("to") String to) {
        DaySpan span = DaySpan.of(from, to, SatisfactionSurveys.MAX_DAYS);
        return Response.ok(surveys.byAgent(span.from(), span.to()).stream()
                .map(a -> new Agent(a.agent(), a.offered(), a.scored(), a.average(), Arrays.stream(a.scores()).boxed().toList()))
                .toList()).build();
    }
}
