package org.kefu.callflow;

import jakarta.annotation.Resource;
import jakarta.annotation.security.PermitAll;
import jakarta.ejb.EJB;
import jakarta.ejb.Local;
import jakarta.ejb.Stateless;
import org.jboss.logging.Logger;
import org.kefu.acd.CallerSurvey;
import org.kefu.ivr.IvrFlow;
import org.kefu.ivr.admin.IvrFlows;
import org.kefu.surveys.SatisfactionSurveys;
import org.kefu.telephony.CallId;
import org.kefu.telephony.ConnectionId;
import org.kefu.telephony.SwitchConnection;
import org.kefu.telephony.SwitchConnectionFactory;
import org.kefu.telephony.TelephonyException;

import java.util.Optional;

/**
 * The satisfaction survey after the agent hung up (the ACD's {@link CallerSurvey}): the survey is
 * recorded as offered for the call's agent and queue, and the caller, still on the line, is in the
 * queue's survey flow, which the IVR runs like any other (its {@code survey.score} keeps the score).
 */
@Stateless
@Local(CallerSurvey.class)
@PermitAll // local only: the ACD
public class SurveyHandover implements CallerSurvey {

    private static final Logger LOG = Logger.getLogger(SurveyHandover.class);

    @Resource(lookup = "java:/eis/kefu/Switch")
    private SwitchConnectionFactory switchFactory;

    @EJB
    private IvrFlows flows;

    @EJB
    private SatisfactionSurveys surveys;

    @EJB
    private InboundCalls entry;

    @Override
    public boolean begin(CallId call, ConnectionId caller, String queue, String agentJob, String flowId) {
        Optional<IvrFlow> flow = flows.activeFlow(flowId);
        if (flow.isEmpty()) {
            LOG.warnf("Queue %s asks for survey flow %s, which is not active: call %s ends without it", queue, flowId, call);
            return false;
        }
        if (!surveys.offered(call.value(), agentJob, queue)) {
            return false; // surveyed once already (a second agent on a transferred call)
        }
        try (SwitchConnection sw = switchFactory.getConnection()) {
            entry.startFlow(sw, call, caller, sw.callData(call), flow.get());
            return true;
        } catch (TelephonyException e) {
            LOG.infof("Call %s: the survey could not start (%s)", call, e.getMessage());
            return false;
        }
    }
}
