package org.kefu.crm;

import jakarta.persistence.Column;
import jakarta.persistence.Embeddable;

/** A number a customer calls from; the screen pop finds the customer by it. */
@Embeddable
public class CustomerPhone {

    @Column(name = "phone", nullable = false, length = 32)
    private String phone;

    @Column(name = "kind", nullable = false, length = 16)
    private String kind = "MOBILE";

    protected CustomerPhone() {
    }

    public CustomerPhone(String phone, String kind) {
        this.phone = phone;
        this.kind = kind;
    }

    public String getPhone() {
        return phone;
    }

    public String getKind() {
        return kind;
    }
}
