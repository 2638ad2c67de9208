package org.kefu.banking;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A designated account the owner registered at the counter; phone channels pay only these. */
@Entity
@Table(name = "payee")
public class Payee {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(name = "owner_account", nullable = false, length = 32)
    private String ownerAccount;

    @Column(name = "payee_account", nullable = false, length = 32)
    private String payeeAccount;

    @Column(name = "payee_name", nullable = false, length = 100)
    private String payeeName;

    protected Payee() {
    }

    public String getOwnerAccount() {
        return ownerAccount;
    }

    public String getPayeeAccount() {
        return payeeAccount;
    }

    public String getPayeeName() {
        return payeeName;
    }
}
