package org.kefu.outbound;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kefu.telephony.ClearCause;

import java.time.Instant;

class CallbackJobTest {

    private static final Instant NOW = Instant.parse("2026-03-02T02:00:00Z");

    @Test
    void theQueuesJobKeepsTheCallersFirstWaitAndIsTheFirstAttempt() throws Exception {
        CallbackJob job = CallbackJob.parse("{\"type\":\"callback\",\"requestId\":\"acd:42\",\"phone\":\"13800000061\","
                + "\"queue\":\"hotline\",\"enqueuedAt\":\"2026-03-02T01:55:00Z\",\"callId\":\"c9\",\"priority\":2}", NOW);

        assertThat(job.acdRequest()).isEqualTo(42L);
        assertThat(job.enqueuedAt()).isEqualTo(Instant.parse("2026-03-02T01:55:00Z"));
        assertThat(job.attempt()).isEqualTo(1);
        assertThat(job.priority()).isEqualTo(2);
        assertThat(job.next().attempt()).isEqualTo(2);
        assertThat(CallbackJob.parse(job.next().toJson().toString(), NOW)).isEqualTo(job.next());
    }

    @Test
    void theBackOfficesJobStartsWaitingWhenRequestedAndNeverAheadOfNow() throws Exception {
        CallbackJob job = CallbackJob.parse("{\"type\":\"callback\",\"requestId\":\"bo:A-17\",\"phone\":\"13800138000\","
                + "\"requestedAt\":\"2027-01-01T00:00:00Z\",\"notBefore\":\"2026-03-02T03:00:00Z\",\"reason\":\"loan offer\"}", NOW);

        assertThat(job.acdRequest()).isNull();
        assertThat(job.enqueuedAt()).isEqualTo(NOW);
        assertThat(job.notBefore()).isEqualTo(Instant.parse("2026-03-02T03:00:00Z"));
        assertThat(job.queue()).isNull();
    }

    @Test
    void aMalformedJobNamesWhatIsWrong() {
        assertThatThrownBy(() -> CallbackJob.parse("not json", NOW)).hasMessage("not a JSON object");
        assertThatThrownBy(() -> CallbackJob.parse("{\"type\":\"dunning\"}", NOW)).hasMessageContaining("\"type\"");
        assertThatThrownBy(() -> CallbackJob.parse("{\"type\":\"callback\",\"requestId\":\"42\",\"phone\":\"1380\"}", NOW))
                .hasMessageContaining("\"requestId\"");
        assertThatThrownBy(() -> CallbackJob.parse("{\"type\":\"callback\",\"requestId\":\"acd:1\",\"phone\":\"call me\"}", NOW))
                .hasMessageContaining("\"phone\" must be 3 to 20 digits");
        assertThatThrownBy(() -> CallbackJob.parse("{\"type\":\"callback\",\"requestId\":\"acd:1\",\"phone\":13800000061}", NOW))
                .hasMessageContaining("\"phone\" must be a string");
        assertThatThrownBy(() -> CallbackJob.parse(
                "{\"type\":\"callback\",\"requestId\":\"acd:1\",\"phone\":\"13800000061\",\"attempt\":0}", NOW))
                .hasMessageContaining("\"attempt\" must be a whole number from 1 to 20");
        assertThatThrownBy(() -> CallbackJob.parse(
                "{\"type\":\"callback\",\"requestId\":\"acd:1\",\"phone\":\"13800000061\",\"notBefore\":\"tomorrow\"}", NOW))
                .hasMessageContaining("ISO-8601");
    }

    @Test
    void theSwitchsCausesBecomeOutcomesAndOnlyUnreachedCustomersAreTriedAgain() {
        assertThat(CallbackOutcome.of(ClearCause.BUSY)).isEqualTo(CallbackOutcome.BUSY);
        assertThat(CallbackOutcome.of(ClearCause.NO_ANSWER)).isEqualTo(CallbackOutcome.NO_ANSWER);
        assertThat(CallbackOutcome.of(ClearCause.REJECTED)).isEqualTo(CallbackOutcome.REJECTED);
        assertThat(CallbackOutcome.of(ClearCause.UNREACHABLE)).isEqualTo(CallbackOutcome.INVALID_NUMBER);
        assertThat(CallbackOutcome.of(ClearCause.NETWORK_FAILURE)).isEqualTo(CallbackOutcome.FAILED);
        assertThat(CallbackOutcome.BUSY.worthRetrying()).isTrue();
        assertThat(CallbackOutcome.NO_ANSWER.worthRetrying()).isTrue();
        assertThat(CallbackOutcome.REJECTED.worthRetrying()).isFalse();
        assertThat(CallbackOutcome.INVALID_NUMBER.worthRetrying()).isFalse();
    }
}
