package org.kefu.acd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A configured reason code for "not ready" (break, lunch ...), with its names. */
@Entity
@Table(name = "not_ready_reason")
public class NotReadyReason {

    @Id
    @Column(name = "code", length = 32)
    private String code;

    @Column(name = "name_zh", nullable = false, length = 64)
    private String nameZh;

    @Column(name = "name_en", nullable = false, length = 64)
    private String nameEn;

    protected NotReadyReason() {
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
}
