package org.kefu.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A kind of ticket (consultation, complaint, repair, …) and its deadlines in working days. */
@Entity
@Table(name = "ticket_type")
public class TicketType {

    @Id
    @Column(name = "code", length = 16)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 50)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 50)
    private String nameEn;

    @Column(name = "priority", nullable = false)
    private int priority;

    @Column(name = "accept_days", nullable = false)
    private int acceptDays;

    @Column(name = "answer_days", nullable = false)
    private int answerDays;

    protected TicketType() {
    }

    public String getCode() {
        return code;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    /** 1 (most urgent) to 5. */
    public int getPriority() {
        return priority;
    }

    public int getAcceptDays() {
        return acceptDays;
    }

    public int getAnswerDays() {
        return answerDays;
    }
}
