-- Issue 14 item 3: the SHA-256 digest secret beside the MD5 one, SHA-256(extension:realm:password)
-- (RFC 8760). Nullable: a phone provisioned with only the MD5 secret keeps working; once every
-- active extension has one, the switch offers SHA-256 digests first to every phone. Store it only
-- where every phone picks the challenge it supports (RFC 8760): one that reads only the first
-- (sipp 3.6 does) then fails. The demo desks keep MD5 only for that reason.
ALTER TABLE phone_extension ADD sip_ha1_sha256 VARCHAR(64);
