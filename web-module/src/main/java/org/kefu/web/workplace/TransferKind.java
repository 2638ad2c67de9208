package org.kefu.web.workplace;

/** Where the soft phone's transfer and consultation go: the page's choice (transferKind). */
enum TransferKind {
    AGENT, QUEUE, NUMBER;

    /** Anything but an agent or a queue is dialled as a number (a blind transfer). */
    static TransferKind of(String choice) {
        if ("AGENT".equals(choice)) {
            return AGENT;
        }
        return "QUEUE".equals(choice) ? QUEUE : NUMBER;
    }
}
