package org.kefu.acd;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

/** A desk phone: the SIP extension agents sit at, with its digest secret for the switch. */
@Entity
@Table(name = "phone_extension")
public class PhoneExtension {

    @Id
    @Column(name = "extension", length = 32)
    private String extension;

    @Column(name = "sip_realm", nullable = false, length = 64)
    private String sipRealm;

    @Column(name = "sip_ha1", nullable = false, length = 32)
    private String sipHa1;

    /** SHA-256(extension:realm:password), or null where only the MD5 secret is known. */
    @Column(name = "sip_ha1_sha256", length = 64)
    private String sipHa1Sha256;

    @Column(name = "description", length = 100)
    private String description;

    @Column(name = "status", nullable = false, length = 16)
    private String status = "ACTIVE";

    protected PhoneExtension() {
    }

    public String getExtension() {
        return extension;
    }

    public String getSipRealm() {
        return sipRealm;
    }

    public String getSipHa1() {
        return sipHa1;
    }

    public String getSipHa1Sha256() {
        return sipHa1Sha256;
    }

    public String getDescription() {
        return description;
    }

    public boolean isActive() {
        return "ACTIVE".equals(status);
    }
}
