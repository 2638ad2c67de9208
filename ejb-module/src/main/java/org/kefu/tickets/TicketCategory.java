package org.kefu.tickets;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A node of the ticket category tree; it may set its own answer deadline in working days. */
@Entity
@Table(name = "ticket_category")
public class TicketCategory {

    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "parent_code", length = 32)
    private String parentCode;

    @Column(name = "name_zh", nullable = false, length = 50)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 50)
    private String nameEn;

    /** Null: the ticket type's deadline holds. */
    @Column(name = "answer_days")
    private Integer answerDays;

    protected TicketCategory() {
    }

    public String getCode() {
        return code;
    }

    public String getParentCode() {
        return parentCode;
    }

    public String getNameZh() {
        return nameZh;
    }

    public String getNameEn() {
        return nameEn;
    }

    public Integer getAnswerDays() {
        return answerDays;
    }
}
