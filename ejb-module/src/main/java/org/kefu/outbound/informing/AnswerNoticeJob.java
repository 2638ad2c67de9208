package org.kefu.outbound.informing;

import org.kefu.outbound.MalformedJob;
import org.kefu.outbound.NoticeJobJson;

/** A job as it travels on kefu.tickets.notices: send answer notice {@code noticeId}. */
public record AnswerNoticeJob(long noticeId) {

    static final String TYPE = "ticket-answer";

    /** Reads and checks a job; anything wrong is a {@link MalformedJob} that names the field. */
    public static AnswerNoticeJob parse(String text) throws MalformedJob {
        return new AnswerNoticeJob(NoticeJobJson.noticeId(text, TYPE));
    }

    public String toJson() {
        return NoticeJobJson.of(TYPE, noticeId);
    }
}
