package org.kefu.outbound;

import java.time.LocalDate;
import java.util.Map;

/**
 * One queue's callbacks on one day (Asia/Shanghai): requests taken, attempts dialled, contacts
 * (the customer answered), each attempt's outcome, and requests refused without a call
 * (do-not-call list, dial policy). Getters for EL (Jakarta EL 5 does not read record components).
 */
public record CallbackDay(LocalDate day, String queue, long requests, long attempts, long contacts,
                          Map<String, Long> outcomes, long refused) implements java.io.Serializable {

    public CallbackDay {
        outcomes = Map.copyOf(outcomes);
    }

    public LocalDate getDay() {
        return day;
    }

    public String getQueue() {
        return queue;
    }

    public long getRequests() {
        return requests;
    }

    public long getAttempts() {
        return attempts;
    }

    public long getContacts() {
        return contacts;
    }

    public long getRefused() {
        return refused;
    }
}
