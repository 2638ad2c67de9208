-- The agents' desk phones (SIP extensions). Agents log in at any desk (hot desking), so the
-- extension is a desk, not a person. The digest secret is HA1 = MD5(extension:realm:password),
-- which is what SIP digest authentication needs; the clear password is never stored.
CREATE TABLE phone_extension (
    extension   VARCHAR(32)  NOT NULL,
    sip_realm   VARCHAR(64)  NOT NULL,
    sip_ha1     VARCHAR(32)  NOT NULL,
    description VARCHAR(100),
    status      VARCHAR(16)  DEFAULT 'ACTIVE' NOT NULL,
    CONSTRAINT pk_phone_extension PRIMARY KEY (extension),
    CONSTRAINT ck_phone_extension_status CHECK (status IN ('ACTIVE', 'DISABLED'))
);

-- Numbers callers dial (DNIS) and which entry of Kefu answers them (R-3.1, R-3.5).
CREATE TABLE service_number (
    dnis        VARCHAR(32)  NOT NULL,
    entry       VARCHAR(32)  NOT NULL,
    description VARCHAR(100),
    CONSTRAINT pk_service_number PRIMARY KEY (dnis),
    CONSTRAINT ck_service_number_entry CHECK (entry IN ('BANKING', 'SECURITIES', 'UTILITIES', 'HOTLINE'))
);
