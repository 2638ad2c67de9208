package org.kefu.acd.routing;

import java.util.Optional;

/** What became of a call handed to {@link Router#enqueue}. */
public record EnqueueResult(Outcome outcome, Optional<Offer> offer) {

    public enum Outcome {
        /** An agent was READY: ring it now ({@link #offer()} says who). */
        OFFERED,
        /** Waiting; play the greeting, music and position announcements. */
        QUEUED,
        /** The queue is at its maximum length: send the caller to the overflow target. */
        REJECTED_QUEUE_FULL,
        /** Nobody who may serve the queue is logged in: overflow, voicemail or "closed" prompt. */
        NO_AGENTS_LOGGED_IN
    }

    static EnqueueResult offered(Offer offer) {
        return new EnqueueResult(Outcome.OFFERED, Optional.of(offer));
    }

    static EnqueueResult of(Outcome outcome) {
        return new EnqueueResult(outcome, Optional.empty());
    }
}
