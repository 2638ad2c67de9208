package org.kefu.outbound.dunning;

import org.junit.jupiter.api.Test;
import org.kefu.outbound.MalformedJob;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DunningJobTest {

    @Test
    void aJobNamesItsReminderAndReadsBackWhatItWrote() throws MalformedJob {
        assertThat(DunningJob.parse("{\"type\":\"dunning\",\"noticeId\":42}").noticeId()).isEqualTo(42);
        assertThat(DunningJob.parse(new DunningJob(7).toJson())).isEqualTo(new DunningJob(7));
    }

    @Test
    void aMalformedJobIsRefusedWithTheFieldItGotWrong() {
        assertThatThrownBy(() -> DunningJob.parse("pay up")).isInstanceOf(MalformedJob.class).hasMessage("not a JSON object");
        assertThatThrownBy(() -> DunningJob.parse(null)).isInstanceOf(MalformedJob.class).hasMessage("not a JSON object");
        assertThatThrownBy(() -> DunningJob.parse("{\"type\":\"callback\",\"noticeId\":1}"))
                .isInstanceOf(MalformedJob.class).hasMessage("field \"type\" must be \"dunning\"");
        for (String id : new String[] {"0", "-3", "1.5", "\"12\"", "null"}) {
            assertThatThrownBy(() -> DunningJob.parse("{\"type\":\"dunning\",\"noticeId\":" + id + "}"))
                    .as(id).isInstanceOf(MalformedJob.class).hasMessage("field \"noticeId\" must be a positive whole number");
        }
        assertThatThrownBy(() -> DunningJob.parse("{\"type\":\"dunning\"}"))
                .isInstanceOf(MalformedJob.class).hasMessage("field \"noticeId\" must be a positive whole number");
    }
}
