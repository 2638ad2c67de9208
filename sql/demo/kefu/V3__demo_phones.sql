-- Demo desk phones 8001-8006: SIP user = extension, SIP password 'kefu2026', realm 'kefu'.
INSERT INTO phone_extension (extension, sip_realm, sip_ha1, description) VALUES ('8001', 'kefu', 'a35c725225cd98e4567dd4eeec94c10f', 'demo desk 1');
INSERT INTO phone_extension (extension, sip_realm, sip_ha1, description) VALUES ('8002', 'kefu', '1310de8b8a2e30c13ff617b12ec2825a', 'demo desk 2');
INSERT INTO phone_extension (extension, sip_realm, sip_ha1, description) VALUES ('8003', 'kefu', 'c40d959e9863c797c537d704d48621f1', 'demo desk 3');
INSERT INTO phone_extension (extension, sip_realm, sip_ha1, description) VALUES ('8004', 'kefu', '76afb7abe6a6ef1ba5ec36c9ef104fca', 'demo desk 4');
INSERT INTO phone_extension (extension, sip_realm, sip_ha1, description) VALUES ('8005', 'kefu', 'cbf50518370e8fda806e26bf30d70f9c', 'demo desk 5');
INSERT INTO phone_extension (extension, sip_realm, sip_ha1, description) VALUES ('8006', 'kefu', '29d30745d5f35fbc6926a3b36fc9d35c', 'demo desk 6');

INSERT INTO service_number (dnis, entry, description) VALUES ('95500', 'BANKING', 'phone banking');
INSERT INTO service_number (dnis, entry, description) VALUES ('95501', 'SECURITIES', 'securities');
INSERT INTO service_number (dnis, entry, description) VALUES ('96000', 'UTILITIES', 'utilities');
INSERT INTO service_number (dnis, entry, description) VALUES ('12345', 'HOTLINE', 'hotline: 1 agent, 2 self-service');
