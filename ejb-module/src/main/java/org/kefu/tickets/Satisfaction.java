package org.kefu.tickets;

/**
 * What a customer says on the satisfaction visit (the heating-repair script of the seeds): was it
 * solved, how was the handler's attitude (1–5), were they charged anything, an overall score (1–5)
 * and a comment. Satisfied means solved with a score of 3 or more; otherwise the ticket reopens.
 */
public record Satisfaction(boolean solved, int attitude, boolean charged, int score, String comment) {

    public Satisfaction {
        if (attitude < 1 || attitude > 5 || score < 1 || score > 5) {
            throw new TicketException("INVALID", "attitude and score are 1 to 5");
        }
        if (comment != null && comment.length() > 500) {
            throw new TicketException("INVALID", "a visit's comment has at most 500 characters");
        }
    }

    public boolean satisfied() {
        return solved && score >= 3;
    }
}
