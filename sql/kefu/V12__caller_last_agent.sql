-- The agent each caller last spoke to (sticky agent, R-2.5), one row per caller number, kept as
-- calls are answered. The arrival of every call reads it by primary key: finding the same in
-- acd_event joined to call_record cost a scan of all of the number's past calls.
CREATE TABLE caller_last_agent (
    ani         VARCHAR(32) NOT NULL,
    job_number  VARCHAR(32) NOT NULL,
    answered_at TIMESTAMP WITH TIME ZONE NOT NULL,
    CONSTRAINT pk_caller_last_agent PRIMARY KEY (ani)
);

-- Filled from the calls answered so far.
INSERT INTO caller_last_agent (ani, job_number, answered_at)
SELECT r.ani, MAX(e.job_number), MAX(e.occurred_at)
FROM acd_event e JOIN call_record r ON r.call_ref = e.call_ref
WHERE e.event_type = 'ANSWER' AND r.ani IS NOT NULL AND e.job_number IS NOT NULL
  AND e.occurred_at = (SELECT MAX(e2.occurred_at) FROM acd_event e2 JOIN call_record r2 ON r2.call_ref = e2.call_ref
                       WHERE e2.event_type = 'ANSWER' AND r2.ani = r.ani)
GROUP BY r.ani;
