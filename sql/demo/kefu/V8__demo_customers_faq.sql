-- Demo center, customer records and knowledge base.

-- The demo customers' ID numbers now pass the resident ID check digit (GB 11643), which the
-- customer editor enforces; only the last character changes.
UPDATE customer SET id_number = '440101198001010017' WHERE id_number = '440101198001010011';
UPDATE customer SET id_number = '440101198502020029' WHERE id_number = '440101198502020022';
UPDATE customer SET id_number = '440101199003030032' WHERE id_number = '440101199003030033';

-- FAQ articles for the demo center's businesses, in both languages.
INSERT INTO faq_article (category, title_zh, title_en, body_zh, body_en, keywords, status, updated_by, created_at, updated_at) VALUES ('CARDS',
'银行卡丢失或被盗怎么办？',
'What to do when a bank card is lost or stolen',
'1. 立即挂失：客户拨打95500，按语音提示选择"银行卡挂失"，输入卡号和密码后即时生效；坐席也可在客户通过电话键盘验证密码后代为办理。挂失后该卡所有交易（取款、消费、转账）立即停止，账户余额不受影响。' || CHR(10) ||
'2. 正式补卡：口头（电话）挂失后，请客户在7日内携带本人有效身份证件到任一网点办理书面挂失和补卡，新卡一般3至7个工作日可领取，工本费以网点公告为准。' || CHR(10) ||
'3. 提醒客户：如发现可疑交易，请同时拨打110报警并保留短信通知；坐席不得询问或记录客户的密码。',
'1. Block it at once: the customer calls 95500 and chooses "card loss" in the menu, enters the card number and PIN, and the block takes effect immediately; an agent can also do it once the caller has verified the PIN on the phone keypad. After the block, every transaction on the card (cash, purchases, transfers) stops; the balance is not affected.' || CHR(10) ||
'2. Replacement: after a phone block the customer must visit any branch within 7 days with valid ID to confirm the loss in writing and order a new card; it is usually ready in 3 to 7 working days (fee as posted at the branch).' || CHR(10) ||
'3. If there are suspicious transactions, advise the customer to report to the police (110) and keep the SMS notices. Agents never ask for or write down a PIN.',
'挂失,丢卡,被盗,补卡,lost card,stolen card,block card,card loss,replacement', 'ACTIVE', '1006', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO faq_article (category, title_zh, title_en, body_zh, body_en, keywords, status, updated_by, created_at, updated_at) VALUES ('BANKING',
'电话银行转账限额',
'Phone banking transfer limits',
'电话银行（95500自助语音或坐席代办）只能向客户已登记的收款人账户转账。默认限额：单笔不超过5,000.00元，每日累计不超过20,000.00元（按北京时间自然日计算，次日零点恢复）。超过限额的转账会被拒绝，不会扣款。' || CHR(10) ||
'客户如需提高限额或新增收款人，须本人携带身份证件到网点办理；坐席不能在电话中修改限额。大额或紧急汇款建议客户使用网点柜台或网上银行U盾。',
'Phone banking (the 95500 self-service menu or an agent on the call) transfers only to payees the customer has registered. Default limits: at most 5,000.00 yuan per transfer and 20,000.00 yuan per day (calendar day, Beijing time; the allowance resets at midnight). A transfer over a limit is refused and nothing is debited.' || CHR(10) ||
'To raise a limit or add a payee the customer must visit a branch in person with ID; agents cannot change limits by phone. For large or urgent payments suggest the branch counter or online banking with a security key.',
'转账,限额,额度,收款人,transfer,limit,daily limit,payee', 'ACTIVE', '1006', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO faq_article (category, title_zh, title_en, body_zh, body_en, keywords, status, updated_by, created_at, updated_at) VALUES ('UTILITIES',
'如何缴纳水电燃气费',
'How to pay water, electricity and gas bills',
'1. 查询账单：拨打96000，输入用户编号（如U100001，印在纸质账单右上角），系统播报未缴账单金额。' || CHR(10) ||
'2. 缴费：拨打95500选择"缴费"，从本人银行账户扣款，成功后播报交易流水号；坐席也可在客户验证密码后代为缴费。同一张账单不会重复扣款。' || CHR(10) ||
'3. 逾期：超过缴费截止日30天未缴的，供应单位可能加收滞纳金或暂停供应；缴费后一般24小时内恢复。发票可在供应单位营业厅或其网站打印。',
'1. Check the bill: call 96000 and enter the customer number (for example U100001, printed at the top right of the paper bill); the system reads out the unpaid amount.' || CHR(10) ||
'2. Pay: call 95500 and choose "bill payment"; the amount is debited from the customer''s own bank account and a reference is read out. An agent can also pay once the caller has verified the PIN. A bill is never debited twice.' || CHR(10) ||
'3. Late payment: 30 days after the due date the utility may add a late fee or suspend supply; supply usually resumes within 24 hours of payment. Invoices are printed at the utility''s service hall or website.',
'缴费,水费,电费,燃气费,账单,bill,utility,water,electricity,gas,payment', 'ACTIVE', '1006', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO faq_article (category, title_zh, title_en, body_zh, body_en, keywords, status, updated_by, created_at, updated_at) VALUES ('SECURITIES',
'证券交易时间与委托规则',
'Securities trading hours and order rules',
'A股交易日为周一至周五（法定节假日休市）。集合竞价9:15-9:25（9:20后不可撤单），连续竞价9:30-11:30、13:00-14:57，14:57-15:00为收盘集合竞价。' || CHR(10) ||
'电话委托请拨95501：只接受限价委托，买入数量须为100股（一手）的整数倍，委托价格须在前收盘价±10%以内（ST股票为±5%）。' || CHR(10) ||
'费用：佣金为成交金额的0.03%，最低5元；卖出另收0.05%印花税。非交易时间提交的委托会被拒绝或在下一交易日处理，以营业部规则为准。',
'A-share trading days are Monday to Friday (closed on public holidays). Opening call auction 9:15-9:25 (no cancellations after 9:20), continuous trading 9:30-11:30 and 13:00-14:57, closing call auction 14:57-15:00.' || CHR(10) ||
'Phone orders on 95501: limit orders only; buy quantities in board lots of 100 shares; the price must lie within plus or minus 10% of the previous close (5% for ST stocks).' || CHR(10) ||
'Fees: commission 0.03% of the value, at least 5 yuan; sells also pay 0.05% stamp duty. Orders placed outside trading hours are refused or queued for the next trading day, depending on the branch.',
'交易时间,开盘,收盘,委托,佣金,印花税,trading hours,opening,closing,order,commission,stamp duty', 'ACTIVE', '1006', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO faq_article (category, title_zh, title_en, body_zh, body_en, keywords, status, updated_by, created_at, updated_at) VALUES ('BANKING',
'电话银行密码被锁定',
'Phone banking PIN locked',
'连续输错3次密码后，该卡的电话银行密码被锁定，自助语音和坐席代办均无法继续验证；已发起的交易不受影响。' || CHR(10) ||
'解锁方式：客户本人携带身份证件和银行卡到网点办理密码重置；或由银行后台在核实身份后解锁。坐席不能在电话中解锁，也不得以任何理由询问客户密码。' || CHR(10) ||
'如客户怀疑密码泄露，建议同时办理挂失。',
'After three wrong PINs in a row the card''s phone banking PIN is locked: neither the self-service menu nor an agent can verify it any more. Transactions already made are not affected.' || CHR(10) ||
'To unlock: the customer visits a branch with ID and the card to reset the PIN, or the bank''s back office unlocks it after verifying the customer. Agents cannot unlock by phone and never ask for a PIN.' || CHR(10) ||
'If the customer thinks the PIN is known to someone else, suggest blocking the card as well.',
'密码,锁定,解锁,输错,PIN,locked,unlock,wrong PIN', 'ACTIVE', '1006', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);

INSERT INTO faq_article (category, title_zh, title_en, body_zh, body_en, keywords, status, updated_by, created_at, updated_at) VALUES ('GENERAL',
'如何核实来电客户身份',
'Verifying a caller''s identity',
'1. 来电弹屏按主叫号码找到客户时，先核对姓名和证件号后四位；号码未登记时，询问姓名、证件号码并在客户资料中查找。' || CHR(10) ||
'2. 涉及资金的业务（查询余额、转账、缴费、挂失）必须让客户在电话键盘上输入密码验证，坐席看不到密码，切勿口头询问。' || CHR(10) ||
'3. 修改客户资料（地址、电话、VIP等级）须记录在通话小结中，系统自动留存审计记录。',
'1. When the screen pop finds the customer by the calling number, confirm the name and the last four characters of the ID number; for an unknown number ask for the name and ID number and search the customer records.' || CHR(10) ||
'2. Anything that touches money (balance, transfer, bill payment, card block) needs the caller to enter the PIN on the phone keypad; the agent never sees it and must never ask for it aloud.' || CHR(10) ||
'3. Changes to a customer''s record (address, phones, VIP level) are noted in the wrap-up; the system keeps an audit record of every change.',
'身份核实,验证,证件,来电,identity,verify,verification,caller,ID', 'ACTIVE', '1006', CURRENT_TIMESTAMP, CURRENT_TIMESTAMP);
