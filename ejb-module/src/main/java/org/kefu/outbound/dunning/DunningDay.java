package org.kefu.outbound.dunning;

import java.math.BigDecimal;
import java.time.LocalDate;

/**
 * One channel's reminders on one day (Asia/Shanghai): made, sent, still waiting (queued or being
 * sent), failed, refused (do-not-call), cancelled (paid before sending), uncertain; and what they
 * brought: bills paid after their last reminder before payment, and the amount; promises to pay
 * made in reminders' calls. Getters for EL
 * (Jakarta EL 5 does not read record components).
 */
public record DunningDay(LocalDate day, String channel, long reminders, long sent, long waiting, long failed, long refused,
                         long cancelled, long uncertain, long paid, BigDecimal collected, long promised) implements java.io.Serializable {

    public LocalDate getDay() {
        return day;
    }

    public String getChannel() {
        return channel;
    }

    public long getReminders() {
        return reminders;
    }

    public long getSent() {
        return sent;
    }

    public long getWaiting() {
        return waiting;
    }

    public long getFailed() {
        return failed;
    }

    public long getRefused() {
        return refused;
    }

    public long getPaid() {
        return paid;
    }

    public long getPromised() {
        return promised;
    }

    public BigDecimal getCollected() {
        return collected;
    }
}
