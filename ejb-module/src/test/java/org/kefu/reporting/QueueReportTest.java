package org.kefu.reporting;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.kefu.acd.AcdBeans;
import org.kefu.acd.AcdException;
import org.kefu.telephony.CallId;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

class QueueReportTest {

    @Test
    void todaysFiguresLeaveShortAbandonsOutOfTheRatios() {
        AcdBeans acd = new AcdBeans(AcdBeans.queue("banking", "banking", 10, 0)).start();
        acd.agent("1001", "8001", "banking");
        acd.sessions.login("1001", "8001");
        acd.offers.enqueue(new CallId("c1"), AcdBeans.caller("c1"), "banking", 0, null, null);
        List<Map<Object, Object>> asked = new ArrayList<>();
        acd.db.answer((jpql, parameters) -> {
            asked.add(Map.copyOf(parameters));
            if (jpql.contains("'ENQUEUE'")) {
                return 12L;
            } else if (jpql.contains("'ANSWER'") && jpql.contains(":limit")) {
                return 6L;
            } else if (jpql.contains("'ANSWER'") && jpql.startsWith("select count")) {
                return 8L;
            } else if (jpql.contains("'ABANDON'") && jpql.contains(":limit")) {
                return 2L;
            } else if (jpql.contains("'ABANDON'")) {
                return 3L;
            } else if (jpql.contains("avg(e.waitMillis)")) {
                return 15_000.0;
            }
            return null;
        });

        QueueStatistics s = report(acd).statistics("banking");

        assertThat(s.offered()).isEqualTo(10);          // 12 joined, 2 hung up within 5 s
        assertThat(s.abandoned()).isEqualTo(1);
        assertThat(s.shortAbandoned()).isEqualTo(2);
        assertThat(s.serviceLevel()).isEqualTo(0.6);    // 6 of 10 within 20 s
        assertThat(s.abandonRate()).isEqualTo(0.1);
        assertThat(s.asaSeconds()).isEqualTo(15.0);
        assertThat(s.ahtSeconds()).isNull();
        assertThat(s.live().waiting()).isEqualTo(1);
        // "Today" starts at midnight in Shanghai: 16:00 UTC the day before the morning of the test.
        assertThat(asked).allSatisfy(p -> assertThat(p).containsEntry("since", Instant.parse("2026-03-01T16:00:00Z")));
    }

    @Test
    void anUnknownQueueIsNotFound() {
        AcdBeans acd = new AcdBeans(AcdBeans.queue("banking", "banking", 10, 0)).start();

        assertThatThrownBy(() -> report(acd).statistics("lottery"))
                .isInstanceOfSatisfying(AcdException.class, e -> assertThat(e.getKind()).isEqualTo(AcdException.Kind.NOT_FOUND));
        assertThat(acd.state.queueCodes()).containsExactly("banking");
    }

    private static QueueReport report(AcdBeans acd) {
        QueueReport report = new QueueReport();
        report.em = acd.db.em;
        report.state = acd.state;
        return report;
    }
}
