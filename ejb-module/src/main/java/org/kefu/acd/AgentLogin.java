package org.kefu.acd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** An agent logged in now, and where: restored into the router when the server starts. */
@Entity
@Table(name = "agent_login")
public class AgentLogin {

    @Id
    @Column(name = "job_number", length = 32)
    private String jobNumber;

    @Column(name = "extension", nullable = false, length = 32)
    private String extension;

    @Column(name = "agent_state", nullable = false, length = 16)
    private String state;

    @Column(name = "reason", length = 32)
    private String reason;

    @Column(name = "logged_in_at", nullable = false)
    private Instant loggedInAt;

    @Column(name = "state_since", nullable = false)
    private Instant stateSince;

    /** 1 while the agent's offered calls ring its follow-me number. */
    @Column(name = "follow_me", nullable = false)
    private int followMe;

    protected AgentLogin() {
    }

    AgentLogin(String jobNumber, String extension, String state, Instant at) {
        this.jobNumber = jobNumber;
        this.extension = extension;
        this.state = state;
        this.loggedInAt = at;
        this.stateSince = at;
    }

    public boolean isFollowMe() {
        return followMe != 0;
    }

    public String getJobNumber() {
        return jobNumber;
    }

    public String getExtension() {
        return extension;
    }

    public String getState() {
        return state;
    }

    public String getReason() {
        return reason;
    }

    public Instant getLoggedInAt() {
        return loggedInAt;
    }
}
