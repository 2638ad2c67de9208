package org.kefu.crm;

import java.io.Serializable;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;

/** One past contact in the screen pop: a call (call_record) or an agent's wrap-up (contact_record). */
public class ContactLine implements Serializable {

    private static final long serialVersionUID = 1L;
    private static final DateTimeFormatter SHOWN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.of("Asia/Shanghai"));

    private final Instant at;
    private final String kind;
    private final String agent;
    private final String what;
    private final String notes;
    /** The wrap-up code's names (table wrap_up_code); null for a call or a code no longer listed. */
    private final String whatZh;
    private final String whatEn;

    public ContactLine(Instant at, String kind, String agent, String what, String notes) {
        this(at, kind, agent, what, notes, null, null);
    }

    public ContactLine(Instant at, String kind, String agent, String what, String notes, String whatZh, String whatEn) {
        this.at = at;
        this.kind = kind;
        this.agent = agent;
        this.what = what;
        this.notes = notes;
        this.whatZh = whatZh;
        this.whatEn = whatEn;
    }

    public Instant getAt() {
        return at;
    }

    /** Business time (Asia/Shanghai), to the minute. */
    public String getTime() {
        return at == null ? "" : SHOWN.format(at);
    }

    /** CALL or WRAP_UP. */
    public String getKind() {
        return kind;
    }

    public String getAgent() {
        return agent == null ? "" : agent;
    }

    /** The queue of a call, the wrap-up code of a contact record. */
    public String getWhat() {
        return what == null ? "" : what;
    }

    /** What the screen pop shows in Chinese: the wrap-up code's name, else the code or queue itself. */
    public String getWhatZh() {
        return whatZh == null || whatZh.isBlank() ? getWhat() : whatZh;
    }

    /** As {@link #getWhatZh()}, in English. */
    public String getWhatEn() {
        return whatEn == null || whatEn.isBlank() ? getWhat() : whatEn;
    }

    public String getNotes() {
        return notes == null ? "" : notes;
    }
}
