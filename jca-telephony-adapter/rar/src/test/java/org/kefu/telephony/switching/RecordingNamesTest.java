package org.kefu.telephony.switching;

import org.junit.jupiter.api.Test;
import org.kefu.telephony.CallId;

import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Issue 14 item 10: recording file names are made of generated identifiers only. */
class RecordingNamesTest {

    @Test
    void aMessageIsNamedAfterTheGeneratedCallIdAndAFreshId() {
        CallId call = new CallId(UUID.randomUUID().toString());
        String a = RecordingNames.ofMessage(call);
        String b = RecordingNames.ofMessage(call);
        assertThat(a).startsWith(call.value() + "-").endsWith(".wav").isNotEqualTo(b)
                .matches("[0-9a-f-]+\\.wav");
        assertThat(RecordingNames.ofCall(call)).isEqualTo(call.value() + ".wav");
    }

    @Test
    void anIdThatIsNotTheSwitchsOwnNeverReachesTheFileName() {
        for (String id : new String[] {"device:13800138000", "../../etc/passwd", "13800138000"}) {
            assertThat(RecordingNames.ofMessage(new CallId(id))).doesNotContain("13800138000").doesNotContain("/")
                    .matches("msg-[0-9a-f-]+\\.wav");
            assertThat(RecordingNames.ofCall(new CallId(id))).doesNotContain("13800138000").doesNotContain("/")
                    .matches("call-[0-9a-f-]+\\.wav");
        }
    }
}
