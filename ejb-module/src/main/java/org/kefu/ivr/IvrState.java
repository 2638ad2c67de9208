package org.kefu.ivr;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * Where a call is in its flow, between two inputs. Immutable and serialisable (the EJB layer keeps
 * it per call); holds no secret: secret digits live in the call's {@link SecretVault}.
 *
 * @param node       the current node (null before the start)
 * @param waiting    what the node waits for
 * @param language   zh-CN or en
 * @param attempts   failed attempts at the current menu or collect node
 * @param visits     how often each node was entered
 * @param vars       the call's non-secret variables (ani, dnis, collected digits, service outputs)
 * @param path       visited nodes and results, oldest first
 * @param agentReason why the call is on its way to the agent node (ZERO, RETRIES, SERVICE_ERROR), or null
 */
public record IvrState(String flowId, int flowVersion, String callId, String node, Waiting waiting, String language,
                       int attempts, Map<String, Integer> visits, Map<String, String> vars, List<PathEntry> path,
                       String agentReason) implements Serializable {

    private static final long serialVersionUID = 1L;

    public IvrState {
        visits = Map.copyOf(visits);
        vars = Map.copyOf(vars);
        path = List.copyOf(path);
    }

    /** The state of a call that has not started the flow yet. */
    public static IvrState initial(IvrFlow flow) {
        return new IvrState(flow.id(), flow.version(), null, null, Waiting.START, flow.language(), 0, Map.of(), Map.of(),
                List.of(), null);
    }

    public boolean finished() {
        return waiting == Waiting.DONE;
    }

    /** What the current node waits for. */
    public enum Waiting {
        /** The flow has not started. */
        START,
        /** A prompt to finish. */
        PROMPT,
        /** Digits (or silence). */
        DIGITS,
        /** A service result. */
        SERVICE,
        /** A recording to end. */
        RECORDING,
        /** Nothing any more: transferred or hung up. */
        DONE
    }
}
