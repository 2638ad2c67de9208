package org.kefu.acd.routing;

/** An operation that the agent's current state does not allow (e.g. answering while not ringing). */
public class IllegalAgentStateException extends IllegalStateException {

    private final String jobNumber;
    private final AgentState from;
    private final AgentState to;

    public IllegalAgentStateException(String jobNumber, AgentState from, AgentState to) {
        super("Agent " + jobNumber + " cannot go from " + from + " to " + to
                + " (allowed from " + from + ": " + from.successors() + ")");
        this.jobNumber = jobNumber;
        this.from = from;
        this.to = to;
    }

    public String getJobNumber() {
        return jobNumber;
    }

    public AgentState getFrom() {
        return from;
    }

    public AgentState getTo() {
        return to;
    }
}
