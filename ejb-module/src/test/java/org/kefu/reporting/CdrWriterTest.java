package org.kefu.reporting;

import org.junit.jupiter.api.Test;

import java.time.Instant;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

class CdrWriterTest {

    private static final Instant T0 = Instant.parse("2026-11-22T08:00:00Z");

    @Test
    void anAnswerKeepsTheFirstOne() {
        assertEquals("UPDATE call_record SET answered_at = COALESCE(answered_at, ?) WHERE call_ref = ?",
                CdrWriter.updateSql(new PendingCdr("c").answered(T0)));
    }

    @Test
    void allFactsInOneStatementTheEndKeptFromTheFirstEnd() {
        assertEquals("UPDATE call_record SET answered_at = COALESCE(answered_at, ?), queue_code = ?, agent_job_number = ?, "
                        + "end_cause = CASE WHEN ended_at IS NULL THEN ? ELSE end_cause END, ended_at = COALESCE(ended_at, ?) WHERE call_ref = ?",
                CdrWriter.updateSql(new PendingCdr("c").answered(T0).assigned("hotline", "1001").ended(T0.plusSeconds(5), "NORMAL")));
    }

    @Test
    void aChangeWithoutFactsWritesNothing() {
        assertNull(CdrWriter.updateSql(new PendingCdr("c")));
    }
}
