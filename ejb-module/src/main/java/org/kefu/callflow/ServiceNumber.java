package org.kefu.callflow;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A number callers dial (DNIS) and the entry that answers it. */
@Entity
@Table(name = "service_number")
public class ServiceNumber {

    @Id
    @Column(name = "dnis", length = 32)
    private String dnis;

    @Enumerated(EnumType.STRING)
    @Column(name = "entry", nullable = false, length = 32)
    private ServiceEntry entry;

    @Column(name = "description", length = 100)
    private String description;

    protected ServiceNumber() {
    }

    public String getDnis() {
        return dnis;
    }

    public ServiceEntry getEntry() {
        return entry;
    }

    public String getDescription() {
        return description;
    }
}
