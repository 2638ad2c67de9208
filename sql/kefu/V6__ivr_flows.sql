-- IVR flows as data (docs/ivr-flow-format.md): every upload is a new version; at most one version
-- of a flow is ACTIVE (kept by org.kefu.ivr.admin.IvrFlows, which activates in one transaction).
-- The JSON text is stored in parts of at most 1,000 characters (ivr_flow_text), because no
-- character type holds long text on H2, PostgreSQL and Oracle alike (TEXT is not Oracle's, CLOB
-- not PostgreSQL's, VARCHAR beyond 4000 bytes not Oracle's).
CREATE TABLE ivr_flow_version (
    flow_id      VARCHAR(64)  NOT NULL,
    flow_version INTEGER      NOT NULL,
    status       VARCHAR(16)  NOT NULL,
    description  VARCHAR(200),
    created_by   VARCHAR(64)  NOT NULL,
    created_at   TIMESTAMP    NOT NULL,
    activated_by VARCHAR(64),
    activated_at TIMESTAMP,
    CONSTRAINT pk_ivr_flow_version PRIMARY KEY (flow_id, flow_version),
    CONSTRAINT ck_ivr_flow_version_status CHECK (status IN ('ACTIVE', 'INACTIVE'))
);

CREATE TABLE ivr_flow_text (
    flow_id      VARCHAR(64)   NOT NULL,
    flow_version INTEGER       NOT NULL,
    part_no      INTEGER       NOT NULL,
    part_text    VARCHAR(4000) NOT NULL,
    CONSTRAINT pk_ivr_flow_text PRIMARY KEY (flow_id, flow_version, part_no),
    CONSTRAINT fk_ivr_flow_text_version FOREIGN KEY (flow_id, flow_version)
        REFERENCES ivr_flow_version (flow_id, flow_version)
);

-- The flow that answers a service number (its active version); none: the fixed entry menu.
ALTER TABLE service_number ADD flow_id VARCHAR(64);
