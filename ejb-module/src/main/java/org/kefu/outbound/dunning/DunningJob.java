package org.kefu.outbound.dunning;

import org.kefu.outbound.MalformedJob;
import org.kefu.outbound.NoticeJobJson;

/** A dunning job as it travels on kefu.dunning: send reminder {@code noticeId}. */
public record DunningJob(long noticeId) {

    static final String TYPE = "dunning";

    /** Reads and checks a job; anything wrong is a {@link MalformedJob} that names the field. */
    public static DunningJob parse(String text) throws MalformedJob {
        return new DunningJob(NoticeJobJson.noticeId(text, TYPE));
    }

    public String toJson() {
        return NoticeJobJson.of(TYPE, noticeId);
    }
}
