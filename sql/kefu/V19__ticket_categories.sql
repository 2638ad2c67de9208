-- Issue 17: the category tree of tickets. A ticket's category must be one of these; a category may
-- set its own answer deadline in working days (answer_days), else its type's holds. Codes are the
-- ones the IVR and the REST API use; administrators add their own (a screen comes with issue 20).
CREATE TABLE ticket_category (
    code        VARCHAR(32) NOT NULL,
    parent_code VARCHAR(32),
    name_zh     VARCHAR(50) NOT NULL,
    name_en     VARCHAR(50) NOT NULL,
    answer_days INTEGER,
    CONSTRAINT pk_ticket_category PRIMARY KEY (code),
    CONSTRAINT fk_ticket_category_parent FOREIGN KEY (parent_code) REFERENCES ticket_category (code),
    CONSTRAINT ck_ticket_category_answer CHECK (answer_days IS NULL OR answer_days BETWEEN 1 AND 365)
);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('UTILITIES', NULL, '公用事业', 'Utilities', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('POWER', 'UTILITIES', '供电', 'Power', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('POWER_OUTAGE', 'POWER', '停电', 'Power cut', 1);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('WATER', 'UTILITIES', '供水', 'Water', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('GAS', 'UTILITIES', '燃气', 'Gas', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('BILLING', 'UTILITIES', '账单与缴费', 'Bills and payments', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('REPAIR', 'UTILITIES', '上门报修', 'Repairs', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('BANKING', NULL, '银行', 'Banking', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('CARDS', 'BANKING', '银行卡', 'Cards', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('ACCOUNTS', 'BANKING', '账户', 'Accounts', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('LOANS', 'BANKING', '贷款', 'Loans', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('SECURITIES', NULL, '证券', 'Securities', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('TRADING', 'SECURITIES', '交易与委托', 'Trading and orders', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('PUBLIC', NULL, '公共服务', 'Public services', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('ROADS', 'PUBLIC', '道路与路灯', 'Roads and street lights', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('ENVIRONMENT', 'PUBLIC', '环境与噪音', 'Environment and noise', NULL);
INSERT INTO ticket_category (code, parent_code, name_zh, name_en, answer_days) VALUES ('OTHER', NULL, '其他', 'Other', NULL);
