package org.kefu.it;

import org.kefu.acd.AgentSessions;
import org.kefu.acd.routing.AgentState;

/**
 * Agents a probe test logs in through the ACD's EJB, as the console and REST do, and the test bed
 * logs out again after the test, whatever happened.
 */
final class DeskAgents {

    private DeskAgents() {
    }

    /** Logs the agent in at the desk (not ready), and out again after the test. */
    static void logIn(SipBed bed, AgentSessions sessions, String job, String extension) {
        bed.afterward("log " + job + " out", () -> {
            if (sessions.status(job).state() != AgentState.LOGGED_OUT) {
                sessions.logout(job);
            }
        });
        sessions.login(job, extension);
    }

    /** Logs the agent in at the desk and makes it ready. */
    static void readyAt(SipBed bed, AgentSessions sessions, String job, String extension) {
        logIn(bed, sessions, job, extension);
        sessions.ready(job);
    }
}
