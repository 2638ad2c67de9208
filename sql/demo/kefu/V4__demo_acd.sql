-- The ACD demo (issue 4): a green-channel caller (white list, R-2.6) who goes straight to the
-- VIP queue, preferably to 王芳 (1001), without the IVR menu.
INSERT INTO phone_list_entry (phone, list_kind, reason, target_queue, target_agent) VALUES ('13600136000', 'WHITE', 'demo: VIP green channel', 'vip', '1001');
