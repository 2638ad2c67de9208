package org.kefu.acd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** The agent a caller number last spoke to, and when (sticky agent, R-2.5). */
@Entity
@Table(name = "caller_last_agent")
public class CallerLastAgent {

    @Id
    @Column(name = "ani", length = 32)
    private String ani;

    @Column(name = "job_number", nullable = false, length = 32)
    private String jobNumber;

    @Column(name = "answered_at", nullable = false)
    private Instant answeredAt;

    protected CallerLastAgent() {
    }

    CallerLastAgent(String ani, String jobNumber, Instant answeredAt) {
        this.ani = ani;
        this.jobNumber = jobNumber;
        this.answeredAt = answeredAt;
    }

    void answeredBy(String job, Instant at) {
        this.jobNumber = job;
        this.answeredAt = at;
    }

    public String getAni() { return ani; }
    public String getJobNumber() { return jobNumber; }
    public Instant getAnsweredAt() { return answeredAt; }
}
