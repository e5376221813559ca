-- Default reference data every desk starts with (SPEC §1-§3): business
-- calendars, priority levels and SLA targets, teams, categories and their
-- fields, channels, system tags. Admins change all of it later.

INSERT INTO business_calendars (id, code, name_zh, name_en, time_zone) VALUES
 (1, 'standard', '标准工作日 5×8', 'Standard 5×8', 'Asia/Shanghai'),
 (2, 'always', '全天候 7×24', 'Round the clock 7×24', 'Asia/Shanghai');

-- 09:00-12:00 and 13:30-18:00, Monday to Friday; 7×24 every day.
INSERT INTO calendar_spans (calendar_id, weekday, start_minute, end_minute) VALUES
 (1,1,540,720),(1,1,810,1080),(1,2,540,720),(1,2,810,1080),(1,3,540,720),(1,3,810,1080),
 (1,4,540,720),(1,4,810,1080),(1,5,540,720),(1,5,810,1080),
 (2,0,0,1440),(2,1,0,1440),(2,2,0,1440),(2,3,0,1440),(2,4,0,1440),(2,5,0,1440),(2,6,0,1440);

-- SPEC §2 table. General resolution: 3 working days of 7.5 h.
INSERT INTO priorities (id, code, name_zh, name_en, rank_order, color, calendar_id,
  first_response_minutes, resolution_minutes, update_interval_minutes, is_default) VALUES
 (1, 'urgent',    '紧急', 'Urgent',    1, 'red',    2,   15,  240,  120, 0),
 (2, 'important', '重要', 'Important', 2, 'orange', 1,  120, 1440,  240, 0),
 (3, 'general',   '一般', 'General',   3, 'blue',   1, 1440, 1350, 1440, 1),
 (4, 'low',       '低',   'Low',       4, 'grey',   1, 1440, NULL, NULL, 0);

INSERT INTO teams (id, code, name_zh, name_en, dispatch_mode) VALUES
 (1, 'aftersales', '售后工程师组', 'After-sales engineers', 'least_open'),
 (2, 'training', '产品培训组', 'Training specialists', 'claim'),
 (3, 'supervisors', '服务主管组', 'Service supervisors', 'claim'),
 (4, 'product', '产品经理组', 'Product managers', 'claim'),
 (5, 'rnd', '研发支持组', 'R&D support', 'claim');

INSERT INTO categories (id, code, name_zh, name_en, summary_zh, summary_en,
  default_priority_id, team_id, sort_order) VALUES
 (1, 'fault', '产品故障', 'Product fault',
  '硬件损坏、软件缺陷、功能异常', 'Hardware damage, software bug, malfunction', 2, 1, 1),
 (2, 'usage', '使用咨询', 'Usage question',
  '操作方法、流程疑问、功能建议', 'How-to, process doubts, feature suggestions', 3, 2, 2),
 (3, 'complaint', '服务投诉', 'Service complaint',
  '响应慢、态度问题、流程不合理', 'Slow response, attitude, unreasonable process', 2, 3, 3),
 (4, 'customisation', '定制需求', 'Customisation request',
  '功能适配、数据对接', 'Feature adaptation, data integration', 3, 4, 4);

INSERT INTO category_fields (id, category_id, name, field_type, label_zh, label_en,
  help_zh, help_en, required, max_length, sort_order) VALUES
 (1, 1, 'fault_kind', 'choice', '故障类型', 'Kind of fault', '', '', 1, 40, 1),
 (2, 1, 'symptoms', 'longtext', '故障现象', 'Symptoms',
  '看到了什么？请尽量写出原始的报错信息。', 'What do you see? Quote error messages exactly.', 1, 5000, 2),
 (3, 1, 'reproduce', 'longtext', '复现步骤', 'Steps to reproduce',
  '一步一步写出如何能再次出现该问题。', 'Step by step, how to make it happen again.', 1, 5000, 3),
 (4, 1, 'nature', 'choice', '问题性质', 'Nature of the problem', '', '', 0, 40, 4),
 (5, 2, 'question_kind', 'choice', '咨询类型', 'Kind of question', '', '', 1, 40, 1),
 (6, 2, 'operation_path', 'longtext', '您的操作路径', 'What you did',
  '例如：菜单 → 报表 → 导出', 'For example: Menu → Reports → Export', 0, 5000, 2),
 (7, 3, 'complaint_kind', 'choice', '投诉类型', 'Kind of complaint', '', '', 1, 40, 1),
 (8, 3, 'event_time', 'datetime', '发生时间', 'When it happened', '', '', 1, 40, 2),
 (9, 3, 'related_ticket', 'text', '相关工单编号', 'Related ticket number',
  '如与某个工单有关，请填写其编号。', 'If it concerns a ticket, its number.', 0, 32, 3),
 (10, 3, 'people_involved', 'text', '涉及人员', 'People involved', '', '', 0, 200, 4),
 (11, 4, 'request_kind', 'choice', '需求类型', 'Kind of request', '', '', 1, 40, 1),
 (12, 4, 'business_goal', 'longtext', '业务目标', 'Business goal',
  '希望解决什么业务问题？', 'Which business problem should this solve?', 1, 5000, 2),
 (13, 4, 'systems', 'multichoice', '涉及系统', 'Systems involved', '', '', 0, 200, 3),
 (14, 4, 'desired_date', 'date', '期望上线日期', 'Desired go-live date', '', '', 0, 10, 4);

INSERT INTO category_field_options (field_id, code, label_zh, label_en, sort_order) VALUES
 (1, 'hardware', '硬件损坏', 'Hardware damage', 1),
 (1, 'software', '软件缺陷', 'Software bug', 2),
 (1, 'malfunction', '功能异常', 'Malfunction', 3),
 (4, 'functional', '功能', 'Functional', 1),
 (4, 'performance', '性能', 'Performance', 2),
 (4, 'compatibility', '兼容性', 'Compatibility', 3),
 (5, 'howto', '操作方法', 'How to do something', 1),
 (5, 'process', '流程疑问', 'Question about a process', 2),
 (5, 'suggestion', '功能建议', 'Feature suggestion', 3),
 (7, 'slow', '响应慢', 'Slow response', 1),
 (7, 'attitude', '服务态度', 'Attitude', 2),
 (7, 'process', '流程不合理', 'Unreasonable process', 3),
 (11, 'adaptation', '功能适配', 'Feature adaptation', 1),
 (11, 'integration', '数据对接', 'Data integration', 2),
 (13, 'erp', 'ERP', 'ERP', 1),
 (13, 'crm', 'CRM', 'CRM', 2),
 (13, 'mes', 'MES', 'MES', 3),
 (13, 'other', '其他', 'Other', 4);

INSERT INTO channels (id, code, name_zh, name_en, hours_zh, hours_en, sort_order) VALUES
 (1, 'web', '网页自助', 'Web portal', '7×24 小时受理', 'Open 24/7', 1),
 (2, 'phone', '服务热线', 'Phone hotline', '工作日 09:00–18:00；紧急故障 7×24', 'Weekdays 09:00–18:00; urgent faults 24/7', 2),
 (3, 'email', '电子邮件', 'Email', '7×24 小时受理，工作时间处理', 'Received 24/7, handled in business hours', 3),
 (4, 'wecom', '企业微信', 'WeCom', '工作日 09:00–18:00', 'Weekdays 09:00–18:00', 4),
 (5, 'dingtalk', '钉钉群', 'DingTalk group', '工作日 09:00–18:00', 'Weekdays 09:00–18:00', 5),
 (6, 'api', '主动监测', 'Monitoring / API', '7×24 自动接入', 'Automatic, 24/7', 6),
 (7, 'walk_in', '现场受理', 'Walk-in / on site', '工作日 09:00–17:30', 'Weekdays 09:00–17:30', 7);

INSERT INTO tags (code, name_zh, name_en, color, is_system) VALUES
 ('vip', 'VIP', 'VIP', 'gold', 1),
 ('frequent_complainer', '高频投诉', 'Frequent complainer', 'purple', 1);
