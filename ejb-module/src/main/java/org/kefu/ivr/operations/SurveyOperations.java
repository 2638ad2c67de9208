package org.kefu.ivr.operations;

import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.LocalBean;
import jakarta.ejb.Stateless;
import org.kefu.ivr.ServiceRegistry.ServiceOutcome;
import org.kefu.surveys.SatisfactionSurveys;

import java.util.Map;

/**
 * {@code survey.score} for the satisfaction survey's flow: input score (1 to 5). Kept only for the
 * call the survey was offered on, once: NOT_OFFERED otherwise, INVALID_SCORE for anything but 1-5.
 */
@Stateless
@LocalBean
@PermitAll // local only
public class SurveyOperations {

    @EJB
    private SatisfactionSurveys surveys;

    public ServiceOutcome invoke(String callId, String operation, Map<String, String> in) {
        if (!"survey.score".equals(operation)) {
            return ServiceOutcome.error(OperationErrors.NOT_AVAILABLE);
        }
        String s = in.get("score");
        if (s == null || !s.matches("[1-5]")) {
            return ServiceOutcome.error("INVALID_SCORE");
        }
        return callId != null && surveys.scored(callId, Integer.parseInt(s))
                ? ServiceOutcome.ok(Map.of()) : ServiceOutcome.error("NOT_OFFERED");
    }
}
